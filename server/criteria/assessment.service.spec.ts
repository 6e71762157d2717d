import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { Role, type Grant } from '../shared/identity.js';
import type { UnitDirectory } from '../shared/unit-directory.js';
import { AssessmentService } from './assessment.service.js';
import type { RecordAssessmentInput } from './assessment.input.js';
import { openSpecOrm } from '../../tests/support/spec-context.js';
import { CriteriaSetOrderField } from './criteria.enums.js';
import { criteriaSubgraph } from './index.js';
import { SortDirection } from '../shared/paging.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { RecognitionDecision } from './recognition.entity.js';
import { highestRecognition } from './recognition.service.js';

/** The one set with a given code: any order will do. A spec imports no resolver (its module wires the subgraph). */
const BY_CODE = { orderBy: CriteriaSetOrderField.CODE, direction: SortDirection.ASC };

/** Records as the resolver does: the service built on the transaction that holds the write. */
const record = (ctx: SubgraphContext, input: RecordAssessmentInput) =>
  ctx.em.transactional((em) => new AssessmentService(inTransaction(ctx, em)).record(input));

const decision = (id: number, tier: RecognitionDecision['tier'], decidedOn: string, revokedOn: string | null = null) =>
  Object.assign(new RecognitionDecision(), { id, tier, decidedOn, revokedOn });

describe('recognition status', () => {
  it('is the highest tier decided by the end of the year and not revoked by then', () => {
    const decisions = [decision(1, 'NTM' as never, '2022-10-01'), decision(2, 'ADVANCED' as never, '2024-05-01', '2025-03-01')];
    expect([2021, 2022, 2024, 2025].map((y) => highestRecognition(decisions, y)?.tier ?? null)).toEqual([null, 'NTM', 'ADVANCED', 'NTM']);
  });
});

describe('AssessmentService (directly, on the test database)', () => {
  let orm: MikroORM;
  let context: (grants?: Grant[]) => SubgraphContext;
  let units: UnitDirectory;
  let grants: Grant[];
  let commune: string;
  beforeAll(async () => {
    ({ orm, context, units } = await openSpecOrm(criteriaSubgraph));
    const province = (await units.findByCode('27', '2024-01-01'))!; // Bắc Ninh: no demo data, no other test
    grants = [{ role: Role.ASSESSOR, unitId: province.id, paths: [province.path] }];
    const ids = await units.subtreeIds('27', '2024-01-01', 'COMMUNE');
    commune = (await units.byIds(ids.slice(0, 100))).find((u) => u?.kind === 'COMMUNE')!.code;
  });
  afterAll(() => orm.close(true));

  it('records, re-records with the version read, and tells what is newly met', async () => {
    const ctx = context(grants);
    const [set] = (await new CriteriaSetService(ctx).list({ code: 'COMMUNE-NTM-2021-2025' }, { offset: 0, limit: 1 }, BY_CODE)).nodes;
    const all = (met: number[]) => Array.from({ length: 19 }, (_, i) => ({ criterionNumber: i + 1, met: met.includes(i + 1) }));
    const base = await record(ctx, { unitCode: commune, criteriaSetId: String(set.id), year: 2021, results: all([1, 2, 3]) });
    expect(base).toMatchObject({ metCount: 3, criteriaCount: 19, version: 1, synthetic: false });
    const later = await record(ctx, { unitCode: commune, criteriaSetId: String(set.id), year: 2023, results: all([1, 2, 3, 10, 11]) });
    await expect(
      record(ctx, { unitCode: commune, criteriaSetId: String(set.id), year: 2023, results: [{ criterionNumber: 4, met: true }] }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const updated = await record(context(grants), {
      unitCode: commune,
      criteriaSetId: String(set.id),
      year: 2023,
      expectedVersion: 1,
      results: [{ criterionNumber: 4, met: true }],
    });
    expect(updated).toMatchObject({ id: later.id, version: 2, metCount: 6 });
    const newly = await new AssessmentService(context()).newlyMet([updated, base], 2021);
    expect(newly.get(updated.id)).toEqual([4, 10, 11]);
    expect(newly.get(base.id)).toEqual([]);
    expect((await new AssessmentService(context()).newlyMet([updated], 2020)).get(updated.id)).toBeNull();
    const history = await new AssessmentService(context()).history(updated.id, { offset: 0, limit: 10 });
    expect(history.totalCount).toBe(2);
  });

  it('refuses callers without a grant over the unit before writing', async () => {
    const ctx = context([{ role: Role.ASSESSOR, unitId: 1, paths: ['1.1100042'] }]);
    await expect(
      record(ctx, {
        unitCode: commune,
        criteriaSetId: '1',
        year: 2022,
        results: [{ criterionNumber: 1, met: true }],
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
