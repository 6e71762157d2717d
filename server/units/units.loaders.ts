import DataLoader from 'dataloader';
import { loader, type SubgraphContext } from '../shared/context.js';
import type { AdministrativeUnit } from './unit.entity.js';
import type { UnitClassification } from './unit-classification.entity.js';
import type { LineageDirection } from './unit.input.js';
import { UnitService, type LineageLink } from './unit.service.js';
import type { Reorganisation } from './reorganisation.entity.js';
import { ReorganisationService } from './reorganisation.service.js';

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

/** Batches unit lookups by id within one request: one SQL statement however many units ask. */
export const unitById = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'unitById',
    () =>
      new DataLoader<number, AdministrativeUnit | null>(async (ids) => {
        const found = new Map((await new UnitService(ctx).byIds(ids)).map((u) => [u.id, u]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );

export const lineageOf = (ctx: SubgraphContext, direction: LineageDirection) =>
  loader(
    ctx,
    `lineage:${direction}`,
    () =>
      new DataLoader<number, LineageLink[]>(async (ids) => {
        const groups = groupBy(await new UnitService(ctx).lineage(ids, direction), (l) => l.unitId);
        return ids.map((id) => groups.get(id) ?? []);
      }),
  );

export const classificationsOf = (ctx: SubgraphContext, asOf: string | undefined) =>
  loader(
    ctx,
    `classifications:${asOf ?? 'all'}`,
    () =>
      new DataLoader<number, UnitClassification[]>(async (ids) => {
        const groups = groupBy(await new UnitService(ctx).classifications(ids, asOf), (c) => c.unit.id);
        return ids.map((id) => groups.get(id) ?? []);
      }),
  );

/** The paths a grant on each unit covers (its own and its FULL predecessors'), batched. */
export const coveredPathsOf = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'coveredPaths',
    () =>
      new DataLoader<number, string[]>(async (ids) => {
        const paths = await new UnitService(ctx).coveredPaths(ids);
        return ids.map((id) => paths.get(id) ?? []);
      }),
  );

export const reorganisationById = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'reorganisationById',
    () =>
      new DataLoader<number, Reorganisation | null>(async (ids) => {
        const found = new Map((await new ReorganisationService(ctx).byIds(ids)).map((r) => [r.id, r]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );

export const reorganisationsOf = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'reorganisationsOf',
    () =>
      new DataLoader<number, Reorganisation[]>(async (ids) => {
        const found = await new ReorganisationService(ctx).ofUnits(ids);
        return ids.map((id) => found.get(id) ?? []);
      }),
  );
