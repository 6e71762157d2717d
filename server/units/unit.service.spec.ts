import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecOrm } from '../../tests/support/spec-context.js';
import type { SubgraphContext } from '../shared/context.js';
import { unitsSubgraph } from './index.js';
import { COVERED_PATHS, UnitService } from './unit.service.js';

/** A plan node of `EXPLAIN (FORMAT JSON)` and the nodes under it. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * The paths a grant covers are read at each sign-in, for each grant: the new Khánh Hòa (since 1 July 2025) covers its
 * own subtree and Ninh Thuận's, which it took over whole.
 */
describe('the paths a grant on a unit covers', () => {
  let orm: MikroORM;
  let context: () => SubgraphContext;
  beforeAll(async () => {
    const opened = await openSpecOrm(unitsSubgraph);
    orm = opened.orm;
    context = () => opened.context([]);
  });
  afterAll(() => orm.close(true));

  it("are the unit's own path, then those of the units it took over whole", async () => {
    const units = new UnitService(context());
    const [khanhHoa, ninhThuan, oldKhanhHoa] = await Promise.all([
      units.requireByCode('56', '2025-07-01'),
      units.requireByCode('58', '2025-06-30'),
      units.requireByCode('56', '2025-06-30'),
    ]);
    const covered = await units.coveredPaths([khanhHoa.id]);
    expect(covered.get(khanhHoa.id)).toEqual([khanhHoa.path, ...[oldKhanhHoa.path, ninhThuan.path].sort()]);
  });

  it('reads each path by its unit id rather than scanning every unit', async () => {
    const units = new UnitService(context());
    const khanhHoa = await units.requireByCode('56', '2025-07-01');
    const [{ 'QUERY PLAN': plan }] = await orm.em.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `EXPLAIN (FORMAT JSON) ${COVERED_PATHS}`,
      [`{${khanhHoa.id}}`],
    );
    const scans = nodes(plan[0].Plan)
      .filter((n) => n['Relation Name'] === 'unit')
      .map((n) => n['Node Type']);
    expect(scans.length).toBeGreaterThan(0);
    expect(scans).not.toContain('Seq Scan');
  });
});
