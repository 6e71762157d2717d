import { Arg, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { DateScalar } from '../shared/scalars.js';
import { AdministrativeUnit } from './unit.entity.js';
import { UnitClassification } from './unit-classification.entity.js';
import { classificationsOf, lineageOf, unitById } from './unit.loaders.js';
import type { LineageDirection } from './unit.input.js';

/** Phần kế thừa — whether a whole unit or a part of it passed to its successor. */
export enum LineageShare {
  FULL = 'FULL',
  PARTIAL = 'PARTIAL',
}
registerEnumType(LineageShare, {
  name: 'LineageShare',
  description: 'Phần kế thừa — FULL: the whole old unit went into the new one; PARTIAL: only part of its area did.',
});

/** Một liên kết kế thừa — a predecessor or successor with the share that passed. */
@ObjectType('UnitLineageLink', { description: 'Liên kết kế thừa — a predecessor or successor of a unit in a reorganisation.' })
export class UnitLineageLink {
  @Field(() => AdministrativeUnit, { description: 'Đơn vị liên quan — the other unit.' })
  unit!: AdministrativeUnit;

  @Field(() => LineageShare, { description: 'Toàn bộ hay một phần — whole or part.' })
  share!: LineageShare;
}

/** Fields of AdministrativeUnit that need more than its own row; batched per request. */
@Resolver(() => AdministrativeUnit)
export class UnitFieldsResolver {
  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Đơn vị cấp trên — the parent unit (null for the nation).' })
  async parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return unit.parent ? unitById(ctx).load(unit.parent.id) : null;
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Các cấp trên, từ quốc gia xuống — all ancestors, from the nation down.' })
  async ancestors(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit[]> {
    const ids = unit.path.split('.').map(Number).filter((id) => id !== unit.id);
    const found = await unitById(ctx).loadMany(ids);
    return found.filter((u): u is AdministrativeUnit => u instanceof Object && !(u instanceof Error));
  }

  @FieldResolver(() => [UnitClassification], { description: 'Phân loại của đơn vị — its classifications; with `asOf`, only those in force that day.' })
  async classifications(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Chỉ phân loại có hiệu lực ngày này — only those in force on this date.' }) asOf?: string,
  ): Promise<UnitClassification[]> {
    return classificationsOf(ctx, asOf).load(unit.id);
  }

  @FieldResolver(() => [UnitLineageLink], { description: 'Các đơn vị tiền thân (sắp xếp 1/7/2025) — the units this one was formed from.' })
  predecessors(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<UnitLineageLink[]> {
    return this.links(unit, ctx, 'predecessors');
  }

  @FieldResolver(() => [UnitLineageLink], { description: 'Các đơn vị kế thừa — the units this one went into.' })
  successors(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<UnitLineageLink[]> {
    return this.links(unit, ctx, 'successors');
  }

  private async links(unit: AdministrativeUnit, ctx: SubgraphContext, direction: LineageDirection): Promise<UnitLineageLink[]> {
    const links = await lineageOf(ctx, direction).load(unit.id);
    const units = await unitById(ctx).loadMany(links.map((l) => l.otherId));
    return links.map((link, i) => ({ unit: units[i] as AdministrativeUnit, share: link.share as LineageShare }));
  }
}
