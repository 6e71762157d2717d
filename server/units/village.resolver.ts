import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { badInput } from '../shared/errors.js';
import { guardMap } from './map-constraints.js';
import { AdministrativeUnit } from './unit.entity.js';
import { CloseVillageInput, CreateVillageInput, RenameVillageInput } from './village.input.js';
import { VillageService } from './village.service.js';

const MAX_BATCH = 5000;

@ObjectType('RowError', { description: 'Lỗi của một dòng — what is wrong with one row of a batch.', simpleResolvers: true })
export class RowErrorType {
  @Field(() => Int, { description: "Vị trí dòng trong danh sách gửi lên (từ 0) — the row's position in the list sent (from 0)." })
  row!: number;
  @Field({ description: 'Trường có lỗi — the field at fault.' }) field!: string;
  @Field({ description: 'Mã lỗi: BAD_USER_INPUT hoặc CONFLICT — the error code.' }) code!: string;
  @Field({ description: 'Thông báo (tiếng Việt — English) — the message, Vietnamese first.' }) message!: string;
}

@ObjectType('VillageBatch', { description: 'Kết quả thêm nhiều thôn — the outcome of adding villages in one batch (all or nothing).' })
export class VillageBatch {
  @Field(() => [AdministrativeUnit], {
    description: 'Các thôn đã thêm (trống khi có lỗi hoặc chạy thử) — the villages added (none on errors or a dry run).',
  })
  villages!: AdministrativeUnit[];
  @Field(() => [RowErrorType], { description: "Lỗi từng dòng — each row's errors." }) errors!: RowErrorType[];
  @Field(() => Int, { description: 'Số dòng hợp lệ — how many rows passed every check.' }) valid!: number;
  @Field({ description: 'Đã ghi (không lỗi và không phải chạy thử) — whether anything was written.' }) written!: boolean;
}

/**
 * The commune administrator's village mutations: authorised on the commune's path, rules in VillageService. Each runs
 * in its own transaction, whose commit the map's constraints may refuse (`guardMap` turns that into CONFLICT).
 */
@Resolver()
export class VillageResolver {
  @Authorized(Capability.MANAGE_VILLAGES)
  @Mutation(() => AdministrativeUnit, {
    description:
      'Thêm một thôn vào xã (UNIT_ADMIN của xã hoặc cấp trên) — add a village to a commune (UNIT_ADMIN of the commune or above).',
  })
  createVillage(
    @Arg('input', () => CreateVillageInput, { description: 'Thôn cần thêm — the village.' }) input: CreateVillageInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return guardMap(() => ctx.em.transactional((em) => new VillageService(inTransaction(ctx, em)).create(input)));
  }

  @Authorized(Capability.MANAGE_VILLAGES)
  @Mutation(() => VillageBatch, {
    description: `Thêm nhiều thôn một lần, tất cả hoặc không: mọi dòng được kiểm tra như createVillage, có lỗi thì không ghi gì; một dòng ngoài phạm vi quyền: FORBIDDEN cho cả lô — add up to ${MAX_BATCH} villages at once, all or nothing; a row outside the caller's subtree refuses the whole batch.`,
  })
  async createVillages(
    @Arg('villages', () => [CreateVillageInput], { description: 'Các thôn — the villages.' }) villages: CreateVillageInput[],
    @Ctx() ctx: SubgraphContext,
    @Arg('dryRun', { nullable: true, description: 'Chỉ kiểm tra, không ghi — validate only.' }) dryRun?: boolean,
  ): Promise<VillageBatch> {
    if (!villages.length || villages.length > MAX_BATCH)
      throw badInput(`Cần 1–${MAX_BATCH} thôn`, `Give 1 to ${MAX_BATCH} villages`, 'villages');
    const batch = await guardMap(() =>
      ctx.em.transactional((em) => new VillageService(inTransaction(ctx, em)).createMany(villages, dryRun ?? false)),
    );
    const { villages: written, planned, errors } = batch;
    return Object.assign(new VillageBatch(), { villages: written, errors, valid: planned.length, written: written.length > 0 });
  }

  @Authorized(Capability.MANAGE_VILLAGES)
  @Mutation(() => AdministrativeUnit, {
    description: 'Đổi tên thôn (UNIT_ADMIN của xã hoặc cấp trên) — rename a village (UNIT_ADMIN of its commune or above).',
  })
  renameVillage(
    @Arg('input', () => RenameVillageInput, { description: 'Tên mới — the new name.' }) input: RenameVillageInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return guardMap(() => ctx.em.transactional((em) => new VillageService(inTransaction(ctx, em)).rename(input)));
  }

  @Authorized(Capability.MANAGE_VILLAGES)
  @Mutation(() => AdministrativeUnit, {
    description: 'Đóng thôn từ một ngày (UNIT_ADMIN của xã hoặc cấp trên) — close a village (UNIT_ADMIN of its commune or above).',
  })
  closeVillage(
    @Arg('input', () => CloseVillageInput, { description: 'Ngày cuối — the last day.' }) input: CloseVillageInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return guardMap(() => ctx.em.transactional((em) => new VillageService(inTransaction(ctx, em)).close(input)));
  }
}
