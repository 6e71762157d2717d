import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudits } from '../shared/audit.js';
import { conflict } from '../shared/errors.js';
import type { Identity } from '../shared/identity.js';
import { intArray } from '../shared/sql.js';
import type { EvaluatedCriterion } from './assessment-evaluation.js';

/** A checked and evaluated recording, ready to write: one unit, set and year. */
export interface PlannedAssessment {
  unitId: number;
  unitCode: string;
  unitPath: string;
  setId: number;
  year: number;
  /** The version the caller read (required to change an existing assessment). */
  expectedVersion: number | null;
  evaluated: EvaluatedCriterion[];
}

/** An assessment as stored: its version and, by criterion, what a recording would compare against. */
export interface StoredAssessment {
  id: number;
  version: number;
  synthetic: boolean;
  /** Per criterion: met, evaluated, reason and its indicator values, as one comparable text. */
  results: Map<number, string>;
}

export const assessmentKey = (a: { unitId: number; setId: number; year: number }) => `${a.unitId}:${a.setId}:${a.year}`;

/** A criterion's recorded content as comparable text (indicators by id). */
const resultText = (
  met: boolean,
  evaluatedMet: boolean | null,
  reason: string | null,
  indicators: { id: number; value: number | null; evidence: string | null; threshold: number | null; passed: boolean | null }[],
) =>
  JSON.stringify([
    met,
    evaluatedMet,
    reason,
    [...indicators].sort((a, b) => a.id - b.id).map((i) => [i.id, i.value, i.evidence, i.threshold, i.passed]),
  ]);

/** The whole assessment as one JSON document per id, as the change history keeps it. */
export const SNAPSHOTS = `SELECT a.id, jsonb_build_object('unitId', a.unit_id, 'criteriaSetId', a.set_id, 'year', a.year, 'synthetic', a.synthetic, 'version', a.version,
    'results', COALESCE((SELECT jsonb_agg(jsonb_build_object('criterionNumber', r.criterion_number, 'met', r.met, 'evaluatedMet', r.evaluated_met,
        'overrideReason', r.override_reason,
        'indicators', COALESCE((SELECT jsonb_agg(jsonb_build_object('code', i.code, 'value', v.value, 'evidence', v.evidence,
            'threshold', v.threshold_value, 'passed', v.passed) ORDER BY i.code)
          FROM criteria.assessment_indicator_value v JOIN criteria.indicator i ON i.id = v.indicator_id
          WHERE v.assessment_id = a.id AND v.criterion_number = r.criterion_number), '[]'::jsonb)) ORDER BY r.criterion_number)
      FROM criteria.assessment_result r WHERE r.assessment_id = a.id), '[]'::jsonb)) AS doc
  FROM criteria.assessment a WHERE a.id = ANY(?::int[])`;

/**
 * The stored assessments of these (unit, set, year) keys, with their results — locked FOR UPDATE when `lock`, as a
 * write reads them. Keyed by `assessmentKey`.
 */
export async function storedAssessments(
  em: EntityManager,
  keys: readonly { unitId: number; setId: number; year: number }[],
  lock = false,
): Promise<Map<string, StoredAssessment>> {
  if (!keys.length) return new Map();
  const rows = await em.execute<{ id: number; unit_id: number; set_id: number; year: number; version: number; synthetic: boolean }[]>(
    `SELECT a.id, a.unit_id, a.set_id, a.year, a.version, a.synthetic FROM criteria.assessment a
     JOIN jsonb_to_recordset(?::jsonb) AS k("unitId" int, "setId" int, year int) ON a.unit_id = k."unitId" AND a.set_id = k."setId" AND a.year = k.year
     ORDER BY a.id ${lock ? 'FOR UPDATE OF a' : ''}`,
    [JSON.stringify(keys.map(({ unitId, setId, year }) => ({ unitId, setId, year })))],
  );
  const byId = new Map<number, StoredAssessment & { key: string }>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        version: r.version,
        synthetic: r.synthetic,
        results: new Map(),
        key: assessmentKey({ unitId: r.unit_id, setId: r.set_id, year: r.year }),
      },
    ]),
  );
  if (rows.length) {
    const ids = intArray(rows.map((r) => r.id));
    const [results, values] = await Promise.all([
      em.execute(
        'SELECT assessment_id, criterion_number, met, evaluated_met, override_reason FROM criteria.assessment_result WHERE assessment_id = ANY(?::int[])',
        [ids],
      ),
      em.execute(
        'SELECT assessment_id, criterion_number, indicator_id, value, evidence, threshold_value, passed FROM criteria.assessment_indicator_value WHERE assessment_id = ANY(?::int[])',
        [ids],
      ),
    ]);
    const indicators = new Map<
      string,
      { id: number; value: number | null; evidence: string | null; threshold: number | null; passed: boolean | null }[]
    >();
    for (const v of values) {
      const key = `${v.assessment_id}:${v.criterion_number}`;
      indicators.set(key, [
        ...(indicators.get(key) ?? []),
        { id: v.indicator_id, value: v.value, evidence: v.evidence, threshold: v.threshold_value, passed: v.passed },
      ]);
    }
    for (const r of results) {
      byId
        .get(r.assessment_id)!
        .results.set(
          r.criterion_number,
          resultText(r.met, r.evaluated_met, r.override_reason, indicators.get(`${r.assessment_id}:${r.criterion_number}`) ?? []),
        );
    }
  }
  return new Map([...byId.values()].map(({ key, ...stored }) => [key, stored]));
}

/** Whether writing `planned` over `stored` would change nothing: every criterion sent is recorded exactly so. */
export function changesNothing(planned: PlannedAssessment, stored: StoredAssessment | undefined): boolean {
  return (
    stored !== undefined &&
    planned.evaluated.every(
      (e) =>
        stored.results.get(e.criterionNumber) ===
        resultText(
          e.met,
          e.evaluatedMet,
          e.overrideReason,
          e.indicators.map((i) => ({ id: i.indicatorId, value: i.value, evidence: i.evidence, threshold: i.threshold, passed: i.passed })),
        ),
    )
  );
}

/** What a write did to each planned assessment, in order. */
export interface WrittenAssessment {
  id: number;
  created: boolean;
  before: unknown;
  after: unknown;
}

/**
 * Writes checked recordings set-based, in the caller's transaction, after reading them with `storedAssessments(…, true)`:
 * existing ones take a new version (a synthetic one is replaced whole and loses the flag), new ones are inserted;
 * the criteria sent replace those stored, others keep their result; every assessment gets a history entry (who, the
 * whole assessment before and after). `audit: 'each'` appends one audit row per assessment (the single mutation);
 * `'none'` leaves it to the caller (an import audits itself as one event). Versions must be checked by the caller.
 */
export async function writeAssessments(
  em: EntityManager,
  planned: readonly PlannedAssessment[],
  stored: ReadonlyMap<string, StoredAssessment>,
  identity: Identity,
  { audit }: { audit: 'each' | 'none' },
): Promise<WrittenAssessment[]> {
  if (!planned.length) return [];
  const existing = planned.map((p) => stored.get(assessmentKey(p)));
  const updatedIds = existing.filter((s): s is StoredAssessment => s !== undefined).map((s) => s.id);
  const before = new Map<number, unknown>();
  if (updatedIds.length) {
    for (const r of await em.execute(SNAPSHOTS, [intArray(updatedIds)])) before.set(r.id, r.doc);
    // Recorded results replace a synthetic assessment entirely: no mix of demo and real data.
    const synthetic = intArray(existing.filter((s) => s?.synthetic).map((s) => s!.id));
    await em.execute('DELETE FROM criteria.assessment_indicator_value WHERE assessment_id = ANY(?::int[])', [synthetic]);
    await em.execute('DELETE FROM criteria.assessment_result WHERE assessment_id = ANY(?::int[])', [synthetic]);
    await em.execute(
      'UPDATE criteria.assessment SET version = version + 1, updated_at = now(), synthetic = false WHERE id = ANY(?::int[])',
      [intArray(updatedIds)],
    );
  }
  const fresh = planned.filter((_, i) => !existing[i]);
  const ids = new Map<string, number>(planned.flatMap((p, i) => (existing[i] ? [[assessmentKey(p), existing[i]!.id] as const] : [])));
  if (fresh.length) {
    const created = await em.execute<{ id: number; unit_id: number; set_id: number; year: number }[]>(
      `INSERT INTO criteria.assessment (unit_id, unit_code, set_id, year)
       SELECT n."unitId", n."unitCode", n."setId", n.year FROM jsonb_to_recordset(?::jsonb) AS n("unitId" int, "unitCode" text, "setId" int, year int)
       ON CONFLICT DO NOTHING RETURNING id, unit_id, set_id, year`,
      [JSON.stringify(fresh.map(({ unitId, unitCode, setId, year }) => ({ unitId, unitCode, setId, year })))],
    );
    if (created.length < fresh.length)
      throw conflict(
        'Đánh giá này vừa được người khác ghi nhận; tải lại rồi thử lại',
        'Someone else just recorded this assessment: reload and retry',
      );
    for (const c of created) ids.set(assessmentKey({ unitId: c.unit_id, setId: c.set_id, year: c.year }), c.id);
  }
  const idOf = (p: PlannedAssessment) => ids.get(assessmentKey(p))!;
  const sent = JSON.stringify(planned.flatMap((p) => p.evaluated.map((e) => ({ id: idOf(p), n: e.criterionNumber }))));
  await em.execute(
    `DELETE FROM criteria.assessment_indicator_value v USING jsonb_to_recordset(?::jsonb) AS s(id int, n int)
    WHERE v.assessment_id = s.id AND v.criterion_number = s.n`,
    [sent],
  );
  await em.execute(
    `DELETE FROM criteria.assessment_result r USING jsonb_to_recordset(?::jsonb) AS s(id int, n int)
    WHERE r.assessment_id = s.id AND r.criterion_number = s.n`,
    [sent],
  );
  await em.execute(
    `INSERT INTO criteria.assessment_result (assessment_id, criterion_number, met, evaluated_met, override_reason)
     SELECT r.id, r.number, r.met, r.evaluated, r.reason FROM jsonb_to_recordset(?::jsonb) AS r(id int, number int, met boolean, evaluated boolean, reason text)`,
    [
      JSON.stringify(
        planned.flatMap((p) =>
          p.evaluated.map((e) => ({
            id: idOf(p),
            number: e.criterionNumber,
            met: e.met,
            evaluated: e.evaluatedMet,
            reason: e.overrideReason,
          })),
        ),
      ),
    ],
  );
  const values = planned.flatMap((p) =>
    p.evaluated.flatMap((e) => e.indicators.map((v) => ({ ...v, id: idOf(p), criterionNumber: e.criterionNumber }))),
  );
  if (values.length) {
    await em.execute(
      `INSERT INTO criteria.assessment_indicator_value (assessment_id, indicator_id, criterion_number, value, evidence, threshold_id, threshold_value, passed)
       SELECT v.id, v."indicatorId", v."criterionNumber", v.value, v.evidence, v."thresholdId", v.threshold, v.passed
       FROM jsonb_to_recordset(?::jsonb) AS v(id int, "indicatorId" int, "criterionNumber" int, value double precision, evidence text, "thresholdId" int, threshold double precision, passed boolean)`,
      [JSON.stringify(values)],
    );
  }
  const allIds = planned.map(idOf);
  const after = new Map<number, unknown>((await em.execute(SNAPSHOTS, [intArray(allIds)])).map((r) => [r.id, r.doc]));
  await em.execute(
    `INSERT INTO criteria.assessment_change (assessment_id, user_id, username, before, after)
     SELECT c.id, ?, ?, c.before, c.after FROM jsonb_to_recordset(?::jsonb) AS c(id int, before jsonb, after jsonb)`,
    [
      identity.userId,
      identity.username,
      JSON.stringify(allIds.map((id) => ({ id, before: before.get(id) ?? null, after: after.get(id) }))),
    ],
  );
  const written = planned.map((p, i) => ({
    id: allIds[i],
    created: !existing[i],
    before: before.get(allIds[i]) ?? null,
    after: after.get(allIds[i]),
  }));
  if (audit === 'each') {
    await writeAudits(
      em,
      written.map((w, i) => ({
        subgraph: 'criteria',
        entity: 'Assessment',
        entityId: w.id,
        action: w.created ? ('CREATE' as const) : ('UPDATE' as const),
        unitId: planned[i].unitId,
        unitPath: planned[i].unitPath,
        before: w.before,
        after: w.after,
      })),
    );
  }
  return written;
}
