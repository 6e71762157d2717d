import type { SubgraphContext } from '../shared/context.js';
import { itemLoader, listLoader, mapLoader } from '../shared/loaders.js';
import type { AdministrativeUnit } from './unit.entity.js';
import type { UnitClassification } from './unit-classification.entity.js';
import type { LineageDirection } from './unit.input.js';
import { UnitService, type LineageLink } from './unit.service.js';
import type { Reorganisation } from './reorganisation.entity.js';
import { ReorganisationService } from './reorganisation.service.js';

/** Batches unit lookups by id within one request: one SQL statement however many units ask. */
export const unitById = (ctx: SubgraphContext) =>
  itemLoader<number, AdministrativeUnit>(
    ctx,
    'unitById',
    (ids) => new UnitService(ctx).byIds(ids),
    (u) => u.id,
  );

export const lineageOf = (ctx: SubgraphContext, direction: LineageDirection) =>
  listLoader<number, LineageLink>(
    ctx,
    `lineage:${direction}`,
    (ids) => new UnitService(ctx).lineage(ids, direction),
    (l) => l.unitId,
  );

export const classificationsOf = (ctx: SubgraphContext, asOf: string | undefined) =>
  listLoader<number, UnitClassification>(
    ctx,
    `classifications:${asOf ?? 'all'}`,
    (ids) => new UnitService(ctx).classifications(ids, asOf),
    (c) => c.unit.id,
  );

/** The paths a grant on each unit covers (its own and its FULL predecessors'), batched. */
export const coveredPathsOf = (ctx: SubgraphContext) =>
  mapLoader<number, string[]>(
    ctx,
    'coveredPaths',
    (ids) => new UnitService(ctx).coveredPaths(ids),
    () => [],
  );

export const reorganisationById = (ctx: SubgraphContext) =>
  itemLoader<number, Reorganisation>(
    ctx,
    'reorganisationById',
    (ids) => new ReorganisationService(ctx).byIds(ids),
    (r) => r.id,
  );

export const reorganisationsOf = (ctx: SubgraphContext) =>
  mapLoader<number, Reorganisation[]>(
    ctx,
    'reorganisationsOf',
    (ids) => new ReorganisationService(ctx).ofUnits(ids),
    () => [],
  );
