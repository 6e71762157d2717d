import DataLoader from 'dataloader';
import { loader, type SubgraphContext } from '../shared/context.js';
import { groupBy, itemLoader, listLoader, mapLoader } from '../shared/loaders.js';
import type { Assessment, CriterionResult } from './assessment.entity.js';
import { AssessmentService } from './assessment.service.js';
import type { CriteriaSet, Criterion, Indicator } from './criteria-set.entity.js';
import { CriteriaSetService } from './criteria-set.service.js';
import type { RecognitionDecision } from './recognition.entity.js';
import { highestRecognition, RecognitionService } from './recognition.service.js';
import type { OwnedThreshold } from './threshold-resolution.js';

/** The same criterion or indicator, seen through another set (which decides the indicators and thresholds it shows). */
const seenThrough = <T extends object>(item: T, viewSetId: number): T =>
  Object.assign(Object.create(Object.getPrototypeOf(item)), item, { viewSetId });

/** Criteria sets by id, batched per request. */
export const setById = (ctx: SubgraphContext) =>
  itemLoader<number, CriteriaSet>(
    ctx,
    'setById',
    (ids) => new CriteriaSetService(ctx).byIds(ids),
    (s) => s.id,
  );

/** Derivation chains (the set, its parent, … its root) by set id. */
export const chainOf = (ctx: SubgraphContext) =>
  mapLoader<number, CriteriaSet[]>(
    ctx,
    'chainOf',
    (ids) => new CriteriaSetService(ctx).chains(ids),
    () => [],
  );

/** A set's criteria (its root's), seen through the set. */
export const criteriaOfSet = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'criteriaOfSet',
    () =>
      new DataLoader<number, Criterion[]>(async (setIds) => {
        const sets = await setById(ctx).loadMany(setIds);
        const roots = sets.map((s) => (s && !(s instanceof Error) ? s.rootId : 0));
        const byRoot = groupBy(await new CriteriaSetService(ctx).criteriaOf(roots), (c) => c.setId);
        return setIds.map((setId, i) => (byRoot.get(roots[i]) ?? []).map((c) => seenThrough(c, setId)));
      }),
  );

/** A criterion's indicators as a set sees them (added by the set or its ancestors); keyed "setId:criterionId". */
export const indicatorsOf = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'indicatorsOf',
    () =>
      new DataLoader<string, Indicator[]>(async (keys) => {
        const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
        const chains = await chainOf(ctx).loadMany([...new Set(pairs.map(([setId]) => setId))]);
        const chainIds = new Map(
          chains.map((chain) => (Array.isArray(chain) && chain.length ? [chain[0].id, chain.map((s) => s.id)] : [0, []])),
        );
        const allSets = [...new Set([...chainIds.values()].flat())];
        const indicators = await new CriteriaSetService(ctx).indicators(allSets, [...new Set(pairs.map(([, criterionId]) => criterionId))]);
        return pairs.map(([setId, criterionId]) =>
          indicators
            .filter((i) => i.criterionId === criterionId && chainIds.get(setId)?.includes(i.setId))
            .map((i) => seenThrough(i, setId)),
        );
      }),
  );

/** The thresholds a set sees, by indicator id, with their owners' paths. */
export const thresholdsOfSet = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'thresholdsOfSet',
    () =>
      new DataLoader<number, Map<number, OwnedThreshold[]>>((setIds) =>
        Promise.all(setIds.map((id) => new CriteriaSetService(ctx).ownedThresholds(id))),
      ),
  );

export const assessmentById = (ctx: SubgraphContext) =>
  itemLoader<number, Assessment>(
    ctx,
    'assessmentById',
    (ids) => new AssessmentService(ctx).byIds(ids),
    (a) => a.id,
  );

export const resultsOf = (ctx: SubgraphContext) =>
  mapLoader<number, CriterionResult[]>(
    ctx,
    'resultsOf',
    (ids) => new AssessmentService(ctx).results(ids),
    () => [],
  );

/** A unit's assessments, of one year or all. */
export const assessmentsOfUnit = (ctx: SubgraphContext, year: number | null | undefined) =>
  listLoader<number, Assessment>(
    ctx,
    `assessmentsOfUnit:${year ?? 'all'}`,
    (unitIds) => new AssessmentService(ctx).ofUnits(unitIds, year),
    (a) => a.unitId,
  );

/** Criterion numbers newly met since a base year, per assessment (null: no assessment in the base year). */
export const newlyMetSince = (ctx: SubgraphContext, baseYear: number) =>
  loader(
    ctx,
    `newlyMetSince:${baseYear}`,
    () =>
      new DataLoader<Assessment, number[] | null, number>(
        async (assessments) => {
          const found = await new AssessmentService(ctx).newlyMet(assessments, baseYear);
          return assessments.map((a) => found.get(a.id) ?? null);
        },
        { cacheKeyFn: (a) => a.id },
      ),
  );

/** A unit's recognition in a year: its highest tier among decisions valid that year. */
export const recognitionOf = (ctx: SubgraphContext, year: number) =>
  loader(
    ctx,
    `recognitionOf:${year}`,
    () =>
      new DataLoader<number, RecognitionDecision | null>(async (unitIds) => {
        const groups = groupBy(await new RecognitionService(ctx).validInYear(unitIds, year), (d) => d.unitId);
        return unitIds.map((id) => highestRecognition(groups.get(id) ?? [], year));
      }),
  );
