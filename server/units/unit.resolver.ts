import { Arg, Args, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import { badInput } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { ListType, MAX_LIMIT, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { DateScalar, today } from '../shared/scalars.js';
import { AdministrativeUnit } from './unit.entity.js';
import { UnitClassification } from './unit-classification.entity.js';
import { SetUnitClassificationInput, UnitFilter } from './unit.input.js';
import { UnitService } from './unit.service.js';
import { unitById } from './units.loaders.js';
import { UnitOrderField } from './units.enums.js';

export const AdministrativeUnitList = ListType(
  AdministrativeUnit,
  'AdministrativeUnitList',
  'Một trang đơn vị hành chính — a page of administrative units.',
);

@ObjectType('UnitChange', { description: 'Một đơn vị đã thay đổi — one unit written or removed since a revision of the map.' })
export class UnitChange {
  @Field(() => ID, { description: "Mã định danh — the unit's id." }) id!: number;
  @Field({ description: 'Đã bị xóa (sắp xếp bị hủy) — removed (its reorganisation was withdrawn).' }) removed!: boolean;
  @Field(() => AdministrativeUnit, {
    nullable: true,
    description: 'Đơn vị như hiện nay (null khi đã xóa) — the unit as it is now (null when removed).',
  })
  unit!: AdministrativeUnit | null;
}

@ObjectType('UnitChangePage', { description: 'Một trang thay đổi của bản đồ đơn vị — a page of changes to the map of units.' })
export class UnitChangePage {
  @Field({ description: "Phiên bản hiện tại của bản đồ — the map's current revision." }) revision!: string;
  @Field({
    description:
      'Toàn bộ (sinceRevision trống hoặc của cơ sở dữ liệu khác): nodes là mọi đơn vị, bản sao cũ bỏ đi — every unit (sinceRevision empty or from another database): replace any copy.',
  })
  full!: boolean;
  @Field(() => [UnitChange], { description: 'Các thay đổi, theo mã định danh — the changes, by id.' }) nodes!: UnitChange[];
  @Field(() => ID, {
    nullable: true,
    description: 'Truyền vào afterId để lấy trang sau (null: hết) — pass as afterId for the next page (null: no more).',
  })
  nextAfterId!: number | null;
}

const UnitSort = SortArgs(UnitOrderField, UnitOrderField.CODE);

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Query(() => AdministrativeUnit, {
    nullable: true,
    description:
      'Đơn vị có mã này, hiệu lực vào ngày `asOf` (mặc định hôm nay) — the unit with this code valid on `asOf` (default today). Unknown code: NOT_FOUND.',
  })
  unit(
    @Arg('code', { description: 'Mã GSO — the GSO code, e.g. "56".' }) code: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày tra cứu — the date the code is read at.' }) asOf?: string,
  ): Promise<AdministrativeUnit> {
    return new UnitService(ctx).requireByCode(code, asOf ?? today());
  }

  @Query(() => [AdministrativeUnit], {
    nullable: 'items',
    description: `Các đơn vị theo mã định danh, đúng thứ tự (null nếu không có) — units by id, in the order asked (null where none); at most ${MAX_LIMIT} ids.`,
  })
  async unitsByIds(
    @Arg('ids', () => [ID], { description: 'Mã định danh — unit ids.' }) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(AdministrativeUnit | null)[]> {
    if (ids.length > MAX_LIMIT) throw badInput(`Tối đa ${MAX_LIMIT} mã`, `At most ${MAX_LIMIT} ids`, 'ids');
    const numeric = ids.map((id) => parseId(id, 'ids'));
    return unitById(ctx).loadMany(numeric) as Promise<(AdministrativeUnit | null)[]>;
  }

  @Query(() => [AdministrativeUnit], {
    nullable: 'items',
    description: `Các đơn vị theo mã, hiệu lực vào ngày \`asOf\`, đúng thứ tự (null nếu không có) — the units holding these codes on \`asOf\`, in the order asked (null where none); at most ${MAX_LIMIT} codes. For checking many rows of a file at once.`,
  })
  async unitsByCodes(
    @Arg('codes', () => [String], { description: 'Mã GSO hoặc mã thôn — GSO or village codes.' }) codes: string[],
    @Arg('asOf', () => DateScalar, { description: 'Ngày tra cứu — the date the codes are read at.' }) asOf: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<(AdministrativeUnit | null)[]> {
    if (codes.length > MAX_LIMIT) throw badInput(`Tối đa ${MAX_LIMIT} mã`, `At most ${MAX_LIMIT} codes`, 'codes');
    const found = await new UnitService(ctx).findManyByCode(codes.map((code) => ({ code, date: asOf })));
    return codes.map((code) => found.get(`${code}@${asOf}`) ?? null);
  }

  @Query(() => AdministrativeUnitList, { description: 'Danh sách đơn vị theo bộ lọc, có phân trang — units matching a filter, paged.' })
  units(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => UnitFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: UnitFilter,
    @Args(() => UnitSort) sort?: SortRequest<UnitOrderField>,
  ) {
    return new UnitService(ctx).list(filter ?? {}, toPage(page), UnitSort.resolve(sort));
  }

  @Query(() => String, {
    description:
      'Phiên bản của bản đồ đơn vị ("<epoch>:<số>"), tăng ở mỗi thay đổi (thôn, sắp xếp) — the map\'s revision, raised by every change of units or lineage; a copy of the units is current while it is unchanged.',
  })
  unitsRevision(@Ctx() ctx: SubgraphContext): Promise<string> {
    return new UnitService(ctx).revision();
  }

  @Query(() => UnitChangePage, {
    description:
      'Các đơn vị đã ghi hoặc xóa sau một phiên bản, để giữ bản sao cập nhật (đọc unitsRevision trước, rồi lấy từng trang theo afterId) — units written or removed after a revision, for keeping a copy current: read unitsRevision first, then page with afterId.',
  })
  async unitChanges(
    @Ctx() ctx: SubgraphContext,
    @Arg('sinceRevision', () => String, {
      nullable: true,
      description: 'Phiên bản bản sao đang có (trống: lấy toàn bộ) — the revision of the copy held (empty: everything).',
    })
    sinceRevision?: string,
    @Arg('afterId', () => ID, { nullable: true, description: "nextAfterId của trang trước — the previous page's nextAfterId." })
    afterId?: string,
    @Arg('limit', () => Int, {
      nullable: true,
      description: `Số thay đổi tối đa (1–${MAX_LIMIT}, mặc định ${MAX_LIMIT}) — how many changes (1–${MAX_LIMIT}, default ${MAX_LIMIT}).`,
    })
    limit?: number,
  ): Promise<UnitChangePage> {
    const { limit: size } = toPage({ limit: limit ?? MAX_LIMIT });
    const { revision, full, rows } = await new UnitService(ctx).changes(
      sinceRevision ?? null,
      afterId == null ? null : parseId(afterId, 'afterId'),
      size,
    );
    const units = await unitById(ctx).loadMany(rows.filter((r) => !r.removed).map((r) => r.id));
    const byId = new Map(units.filter((u): u is AdministrativeUnit => u !== null && !(u instanceof Error)).map((u) => [u.id, u]));
    return Object.assign(new UnitChangePage(), {
      revision,
      full,
      nodes: rows.map((r) => Object.assign(new UnitChange(), { id: r.id, removed: r.removed, unit: byId.get(r.id) ?? null })),
      nextAfterId: rows.length === size ? rows[rows.length - 1].id : null,
    });
  }

  @Authorized(Capability.CLASSIFY_UNITS)
  @Mutation(() => UnitClassification, {
    description: 'Gán phân loại cho đơn vị trong một thời kỳ — classify a unit for a period (UNIT_ADMIN of an enclosing unit).',
  })
  async setUnitClassification(
    @Arg('input', () => SetUnitClassificationInput, { description: 'Phân loại cần gán — the classification.' })
    input: SetUnitClassificationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UnitClassification> {
    return new UnitService(ctx).setClassification(input, ctx.guard);
  }

  @Authorized(Capability.CLASSIFY_UNITS)
  @Mutation(() => Boolean, { description: 'Xóa một phân loại — remove a classification (UNIT_ADMIN of an enclosing unit).' })
  async removeUnitClassification(
    @Arg('id', () => ID, { description: 'Mã phân loại — the classification id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return new UnitService(ctx).removeClassification(parseId(id), ctx.guard);
  }
}
