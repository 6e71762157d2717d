import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contend, write } from '../../tests/support/contention.js';
import { sql } from '../../tests/support/db.js';
import { openSpecOrm } from '../../tests/support/spec-context.js';
import type { SubgraphContext } from '../shared/context.js';
import { Role } from '../shared/identity.js';
import { unitsSubgraph } from './index.js';
import { VillageService } from './village.service.js';

/**
 * Changes of the map (villages here; reorganisations likewise) take the map lock (`lockMap`, an advisory lock named
 * `units.map`) in the transaction their resolver opens, then the village's row: a second change of the same version
 * waits for the first to commit and is refused, and only one change is stored and audited.
 */
describe('village writes hold the map lock in the transaction the resolver opens', () => {
  let orm: MikroORM;
  let admin: () => SubgraphContext;
  let commune: string;
  const run = Date.now();
  beforeAll(async () => {
    const opened = await openSpecOrm(unitsSubgraph);
    orm = opened.orm;
    const province = (await opened.units.findByCode('27', '2024-01-01'))!; // Bắc Ninh: no demo data
    admin = () => opened.context([{ role: Role.UNIT_ADMIN, unitId: province.id, paths: [province.path] }]);
    const ids = await opened.units.subtreeIds('27', '2024-01-01', 'COMMUNE');
    commune = (await opened.units.byIds(ids.slice(0, 100))).filter((u) => u?.kind === 'COMMUNE')[2]!.code;
  });
  afterAll(() => orm.close(true));

  it('renames a village once: the second rename of version 1 waits on the map lock, then gets CONFLICT', async () => {
    const village = await write(admin(), (tx) =>
      new VillageService(tx).create({ communeCode: commune, asOf: '2024-01-01', name: `Khóa ${run % 100000}` }),
    );
    expect(village.version).toBe(1);
    const { first, second } = await contend('units.map', [admin(), admin()], (tx) =>
      new VillageService(tx).rename({ code: village.code, asOf: '2024-01-01', name: `Khóa mới ${run % 100000}`, expectedVersion: 1 }),
    );
    expect(first).toMatchObject({ version: 2, shortName: `Khóa mới ${run % 100000}` });
    expect(second).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const [stored] = await sql(
      `SELECT u.version, (SELECT count(*)::int FROM audit.audit_log a WHERE a.entity_id = u.id::text AND a.subgraph = 'units' AND a.action = 'UPDATE') AS updates
       FROM units.unit u WHERE u.id = $1`,
      [village.id],
    );
    expect(stored).toEqual({ version: 2, updates: 1 });
  });
});
