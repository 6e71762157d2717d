import DataLoader from 'dataloader';
import { loader, type SubgraphContext } from '../shared/context.js';
import type { AdministrativeUnit } from './unit.entity.js';
import type { UnitClassification } from './unit-classification.entity.js';
import type { LineageDirection } from './unit.input.js';
import { UnitService, type LineageLink } from './unit.service.js';

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
  loader(ctx, 'unitById', () => new DataLoader<number, AdministrativeUnit | null>(async (ids) => {
    const found = new Map((await new UnitService(ctx.em).byIds(ids)).map((u) => [u.id, u]));
    return ids.map((id) => found.get(id) ?? null);
  }));

export const lineageOf = (ctx: SubgraphContext, direction: LineageDirection) =>
  loader(ctx, `lineage:${direction}`, () => new DataLoader<number, LineageLink[]>(async (ids) => {
    const groups = groupBy(await new UnitService(ctx.em).lineage(ids, direction), (l) => l.unitId);
    return ids.map((id) => groups.get(id) ?? []);
  }));

export const classificationsOf = (ctx: SubgraphContext, asOf: string | undefined) =>
  loader(ctx, `classifications:${asOf ?? 'all'}`, () => new DataLoader<number, UnitClassification[]>(async (ids) => {
    const groups = groupBy(await new UnitService(ctx.em).classifications(ids, asOf), (c) => c.unit.id);
    return ids.map((id) => groups.get(id) ?? []);
  }));
