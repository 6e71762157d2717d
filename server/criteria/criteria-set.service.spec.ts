import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../tests/support/db.js';
import { contend, write } from '../../tests/support/contention.js';
import { openSpecOrm } from '../../tests/support/spec-context.js';
import type { SubgraphContext } from '../shared/context.js';
import { Role, type Grant } from '../shared/identity.js';
import { Comparator, CriteriaSetOrderField, RecognitionTier } from './criteria.enums.js';
import type { CriteriaSet } from './criteria-set.entity.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { criteriaSubgraph } from './index.js';
import { SortDirection } from '../shared/paging.js';
import { RecognitionService } from './recognition.service.js';

/** The one set with a given code: any order will do. A spec imports no resolver (its module wires the subgraph). */
const BY_CODE = { orderBy: CriteriaSetOrderField.CODE, direction: SortDirection.ASC };

describe('criteria writes hold their row locks in the transaction the resolver opens', () => {
  let orm: MikroORM;
  let context: (grants?: Grant[]) => SubgraphContext;
  let admin: () => SubgraphContext;
  let commune: string;
  let set: CriteriaSet;
  const run = Date.now();
  beforeAll(async () => {
    const opened = await openSpecOrm(criteriaSubgraph);
    ({ orm, context } = opened);
    const { units } = opened;
    const province = (await units.findByCode('27', '2024-01-01'))!; // Bắc Ninh: no demo data
    admin = () => context([{ role: Role.UNIT_ADMIN, unitId: province.id, paths: [province.path] }]);
    const ids = await units.subtreeIds('27', '2024-01-01', 'COMMUNE');
    commune = (await units.byIds(ids.slice(0, 100))).filter((u) => u?.kind === 'COMMUNE')[1]!.code;
    const [national] = (await new CriteriaSetService(admin()).list({ code: 'COMMUNE-NTM-2021-2025' }, { offset: 0, limit: 1 }, BY_CODE))
      .nodes;
    set = await write(admin(), (tx) =>
      new CriteriaSetService(tx).derive({ parentId: String(national.id), ownerCode: '27', code: `BN-LOCK-${run}`, nameVi: 'Bộ khóa dòng' }),
    );
  });
  afterAll(() => orm.close(true));

  it('updates a criteria set once: the second update of version 1 waits, then gets CONFLICT', async () => {
    const { first, second } = await contend('criteria.criteria_set', [admin(), admin()], (tx) =>
      new CriteriaSetService(tx).update({ id: String(set.id), expectedVersion: 1, note: 'Ghi chú mới' }),
    );
    expect(first).toMatchObject({ version: 2, note: 'Ghi chú mới' });
    expect(second).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const [stored] = await sql(
      `SELECT s.version, (SELECT count(*)::int FROM audit.audit_log a WHERE a.entity = 'CriteriaSet' AND a.entity_id = s.id::text AND a.action = 'UPDATE') AS updates
       FROM criteria.criteria_set s WHERE s.id = $1`,
      [set.id],
    );
    expect(stored).toEqual({ version: 2, updates: 1 });
  });

  it('changes a threshold once: the second change of version 1 waits, then gets CONFLICT', async () => {
    const indicator = await write(admin(), (tx) =>
      new CriteriaSetService(tx).addIndicator({
        criteriaSetId: String(set.id),
        criterionNumber: 1,
        code: `1.${run % 100000}`,
        nameVi: 'Tỷ lệ đường giao thông được cứng hóa',
        comparator: Comparator.GTE,
      }),
    );
    const threshold = { criteriaSetId: String(set.id), indicatorCode: indicator.code };
    const created = await write(admin(), (tx) => new CriteriaSetService(tx).overrideThreshold({ ...threshold, value: 70 }));
    expect(created).toMatchObject({ value: 70, version: 1 });
    const { first, second } = await contend('criteria.threshold', [admin(), admin()], (tx) =>
      new CriteriaSetService(tx).overrideThreshold({ ...threshold, value: 80, expectedVersion: 1 }),
    );
    expect(first).toMatchObject({ id: created.id, value: 80, version: 2 });
    expect(second).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const [stored] = await sql(`SELECT value::float AS value, version FROM criteria.threshold WHERE id = $1`, [created.id]);
    expect(stored).toEqual({ value: 80, version: 2 });
  });

  it('revokes a recognition once: the second revocation of version 1 waits, then gets CONFLICT', async () => {
    const decision = await write(admin(), (tx) =>
      new RecognitionService(tx).record({
        unitCode: commune,
        tier: RecognitionTier.NTM,
        decisionNumber: `${run}/QĐ-UBND`,
        decidedOn: '2023-10-01',
        issuingUnitCode: '27',
      }),
    );
    const { first, second } = await contend('criteria.recognition_decision', [admin(), admin()], (tx) =>
      new RecognitionService(tx).revoke({ id: String(decision.id), expectedVersion: 1, revokedOn: '2024-06-01', reason: 'Không duy trì' }),
    );
    expect(first).toMatchObject({ revokedOn: '2024-06-01', version: 2 });
    expect(second).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});
