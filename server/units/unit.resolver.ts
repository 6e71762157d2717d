import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Capability, authorizeCapability } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import { badInput } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { ListType, MAX_LIMIT, PageArgs, SortDirection, toPage } from '../shared/paging.js';
import { DateScalar, today } from '../shared/scalars.js';
import { AdministrativeUnit } from './unit.entity.js';
import { UnitClassification } from './unit-classification.entity.js';
import { SetUnitClassificationInput, UnitFilter, UnitOrderField } from './unit.input.js';
import { UnitService } from './unit.service.js';
import { unitById } from './unit.loaders.js';

export const AdministrativeUnitList = ListType(AdministrativeUnit, 'AdministrativeUnitList', 'Một trang đơn vị hành chính — a page of administrative units.');

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Query(() => AdministrativeUnit, {
    nullable: true,
    description: 'Đơn vị có mã này, hiệu lực vào ngày `asOf` (mặc định hôm nay) — the unit with this code valid on `asOf` (default today). Unknown code: NOT_FOUND.',
  })
  unit(
    @Arg('code', { description: 'Mã GSO — the GSO code, e.g. "56".' }) code: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày tra cứu — the date the code is read at.' }) asOf?: string,
  ): Promise<AdministrativeUnit> {
    return new UnitService(ctx.em).requireByCode(code, asOf ?? today());
  }

  @Query(() => [AdministrativeUnit], { nullable: 'items', description: `Các đơn vị theo mã định danh, đúng thứ tự (null nếu không có) — units by id, in the order asked (null where none); at most ${MAX_LIMIT} ids.` })
  async unitsByIds(
    @Arg('ids', () => [ID], { description: 'Mã định danh — unit ids.' }) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(AdministrativeUnit | null)[]> {
    if (ids.length > MAX_LIMIT) throw badInput(`Tối đa ${MAX_LIMIT} mã`, `At most ${MAX_LIMIT} ids`, 'ids');
    const numeric = ids.map((id) => parseId(id, 'ids'));
    return unitById(ctx).loadMany(numeric) as Promise<(AdministrativeUnit | null)[]>;
  }

  @Query(() => AdministrativeUnitList, { description: 'Danh sách đơn vị theo bộ lọc, có phân trang — units matching a filter, paged.' })
  units(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => UnitFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: UnitFilter,
    @Arg('orderBy', () => UnitOrderField, { nullable: true, description: 'Sắp xếp theo (mặc định CODE) — sort field (default CODE).' }) orderBy?: UnitOrderField,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'Chiều sắp xếp (mặc định ASC) — sort direction (default ASC).' }) direction?: SortDirection,
  ) {
    return new UnitService(ctx.em).list(filter ?? {}, toPage(page), orderBy, direction);
  }

  @Mutation(() => UnitClassification, { description: 'Gán phân loại cho đơn vị trong một thời kỳ — classify a unit for a period (UNIT_ADMIN of an enclosing unit).' })
  async setUnitClassification(
    @Arg('input', () => SetUnitClassificationInput, { description: 'Phân loại cần gán — the classification.' }) input: SetUnitClassificationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UnitClassification> {
    const service = new UnitService(ctx.em);
    const unit = await service.requireByCode(input.unitCode, input.asOf ?? input.validFrom ?? today());
    authorizeCapability(ctx, Capability.CLASSIFY_UNITS, unit.path);
    return service.setClassification(input);
  }

  @Mutation(() => Boolean, { description: 'Xóa một phân loại — remove a classification (UNIT_ADMIN of an enclosing unit).' })
  async removeUnitClassification(
    @Arg('id', () => ID, { description: 'Mã phân loại — the classification id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const service = new UnitService(ctx.em);
    const classification = await service.requireClassification(parseId(id));
    const unit = await unitById(ctx).load(classification.unit.id);
    authorizeCapability(ctx, Capability.CLASSIFY_UNITS, unit!.path);
    return service.removeClassification(classification);
  }
}
