import { Arg, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { DateScalar } from '../shared/scalars.js';
import { AdministrativeUnit } from './unit.entity.js';
import { UnitClassification } from './unit-classification.entity.js';
import { classificationsOf, coveredPathsOf, lineageOf, reorganisationById, reorganisationsOf, unitById } from './units.loaders.js';
import { Reorganisation } from './reorganisation.entity.js';
import type { LineageDirection } from './unit.input.js';
import { LineageShare } from './units.enums.js';

export { LineageShare };

/** Một liên kết kế thừa — a predecessor or successor with the share that passed. */
@ObjectType('UnitLineageLink', { description: 'Liên kết kế thừa — a predecessor or successor of a unit in a reorganisation.' })
export class UnitLineageLink {
  @Field(() => AdministrativeUnit, { description: 'Đơn vị liên quan — the other unit.' })
  unit!: AdministrativeUnit;

  @Field(() => LineageShare, { description: 'Toàn bộ hay một phần — whole or part.' })
  share!: LineageShare;

  @Field(() => Reorganisation, {
    nullable: true,
    description:
      'Sắp xếp đã ghi nhận tạo ra liên kết này (null: sắp xếp 1/7/2025 có sẵn trong dữ liệu) — the recorded reorganisation that wrote the link (null for the seeded 1 July 2025 lineage).',
  })
  reorganisation!: Reorganisation | null;
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
    const ids = unit.path
      .split('.')
      .map(Number)
      .filter((id) => id !== unit.id);
    const found = await unitById(ctx).loadMany(ids);
    return found.filter((u): u is AdministrativeUnit => u instanceof Object && !(u instanceof Error));
  }

  @FieldResolver(() => [UnitClassification], {
    description: 'Phân loại của đơn vị — its classifications; with `asOf`, only those in force that day.',
  })
  async classifications(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Chỉ phân loại có hiệu lực ngày này — only those in force on this date.',
    })
    asOf?: string,
  ): Promise<UnitClassification[]> {
    return classificationsOf(ctx, asOf).load(unit.id);
  }

  @FieldResolver(() => [String], {
    description:
      'Các đường dẫn một quyền trên đơn vị này bao trùm: của chính nó và của các đơn vị nó kế thừa toàn bộ (FULL), qua mọi lần sắp xếp — the paths a grant on this unit covers: its own and those of the units it took over whole (FULL predecessors, through every reorganisation).',
  })
  coveredPaths(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    return coveredPathsOf(ctx).load(unit.id);
  }

  @FieldResolver(() => [Reorganisation], {
    description:
      'Các sắp xếp đã ghi nhận liên quan đến đơn vị (nguồn, kết quả, đơn vị chuyển), mới nhất trước — recorded reorganisations that touched this unit, latest first.',
  })
  reorganisations(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<Reorganisation[]> {
    return reorganisationsOf(ctx).load(unit.id);
  }

  @FieldResolver(() => [UnitLineageLink], {
    description: 'Các đơn vị tiền thân (sắp xếp 1/7/2025 và các sắp xếp đã ghi nhận) — the units this one was formed from.',
  })
  predecessors(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<UnitLineageLink[]> {
    return this.links(unit, ctx, 'predecessors');
  }

  @FieldResolver(() => [UnitLineageLink], { description: 'Các đơn vị kế thừa — the units this one went into.' })
  successors(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<UnitLineageLink[]> {
    return this.links(unit, ctx, 'successors');
  }

  private async links(unit: AdministrativeUnit, ctx: SubgraphContext, direction: LineageDirection): Promise<UnitLineageLink[]> {
    const links = await lineageOf(ctx, direction).load(unit.id);
    const [units, events] = await Promise.all([
      unitById(ctx).loadMany(links.map((l) => l.otherId)),
      reorganisationById(ctx).loadMany(links.flatMap((l) => (l.reorganisationId === null ? [] : [l.reorganisationId]))),
    ]);
    const byId = new Map(events.filter((e): e is Reorganisation => e !== null && !(e instanceof Error)).map((e) => [e.id, e]));
    return links.map((link, i) => ({
      unit: units[i] as AdministrativeUnit,
      share: link.share as LineageShare,
      reorganisation: link.reorganisationId === null ? null : (byId.get(link.reorganisationId) ?? null),
    }));
  }
}
