import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { UnitKind } from './units.enums.js';

/** Thêm thôn — a village to add under a commune. */
@InputType('CreateVillageInput', {
  description:
    'Thêm thôn (bản, tổ dân phố, khu dân cư …) vào một xã — a village to add under a commune (UNIT_ADMIN of the commune or above).',
})
export class CreateVillageInput {
  @Field({ description: "Mã GSO của xã — the commune's code." })
  communeCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Ngày đọc mã xã (mặc định validFrom, hoặc hôm nay) — the date the commune's code is read at (default validFrom, else today).",
  })
  asOf?: string;

  @Field({
    description:
      'Tên thôn, không kèm loại ("Nà Pài"; "Thôn Nà Pài" cũng được) — the village\'s name without its kind word (1–100 characters).',
  })
  name!: string;

  @Field(() => UnitKind, {
    nullable: true,
    description:
      'Loại: VILLAGE (thôn, mặc định), BAN (bản), RESIDENTIAL_GROUP (tổ dân phố), RESIDENTIAL_AREA (khu dân cư), HAMLET (ấp) … — the kind (a village kind; default VILLAGE).',
  })
  kind?: UnitKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Mã thôn dạng "<mã xã>-<số>" (mặc định: số tiếp theo của xã) — the village code "<commune code>-<number>" (default: the commune\'s next number).',
  })
  code?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Hiệu lực từ (mặc định: như xã) — first day of validity (default: the commune's).",
  })
  validFrom?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Hiệu lực đến (mặc định: như xã) — last day of validity (default: the commune's).",
  })
  validTo?: string;
}

/** Đổi tên thôn — corrects or changes a village's name (and kind) for its whole validity. */
@InputType('RenameVillageInput', {
  description:
    'Đổi tên thôn (cho cả thời gian hiệu lực; đổi tên từ một ngày là một sắp xếp RENAME) — rename a village for its whole validity (a rename from a date is a RENAME reorganisation).',
})
export class RenameVillageInput {
  @Field({ description: "Mã thôn — the village's code." })
  code!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày đọc mã (mặc định hôm nay) — the date the code is read at (default today).',
  })
  asOf?: string;

  @Field({ description: 'Tên mới, không kèm loại — the new name without its kind word.' })
  name!: string;

  @Field(() => UnitKind, { nullable: true, description: 'Loại mới (mặc định giữ nguyên) — the new kind (default: unchanged).' })
  kind?: UnitKind;

  @Field(() => Int, { description: 'Phiên bản đã đọc — the version read.' })
  expectedVersion!: number;
}

/** Đóng thôn — sets the last day a village is valid. */
@InputType('CloseVillageInput', { description: 'Đóng thôn: ngày cuối cùng thôn còn hiệu lực — close a village: its last day of validity.' })
export class CloseVillageInput {
  @Field({ description: "Mã thôn — the village's code." })
  code!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày đọc mã (mặc định validTo) — the date the code is read at (default: validTo).',
  })
  asOf?: string;

  @Field(() => DateScalar, { description: 'Ngày cuối cùng có hiệu lực — the last day the village is valid.' })
  validTo!: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc — the version read.' })
  expectedVersion!: number;
}
