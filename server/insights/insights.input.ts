import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { UnitLevel } from '../shared/unit-level.enums.js';

@InputType('CompareInput', {
  description: 'So sánh địa phương — which units, metrics and year to compare. Give exactly one of unitCodes, childrenOf, level.',
})
export class CompareInput {
  @Field(() => [String], { nullable: true, description: 'Các mã đơn vị (đọc tại asOf) — unit codes, read on asOf.' })
  unitCodes?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Mọi đơn vị trực thuộc đơn vị có mã này (đọc tại asOf) — all direct children of the unit with this code.',
  })
  childrenOf?: string;

  @Field(() => UnitLevel, {
    nullable: true,
    description: 'Mọi đơn vị của cấp này, hiệu lực tại asOf — all units of this level valid on asOf.',
  })
  level?: UnitLevel;

  @Field(() => [String], {
    description:
      'Mã chỉ số — metric codes (COMMUNES_NTM, COMMUNES_ADVANCED, COMMUNES_MODEL, AVG_CRITERIA_MET, COMMUNES_UNDER_15, VILLAGES_MODEL, VILLAGES_NTM, AVG_VILLAGE_CRITERIA_MET).',
  })
  metrics!: string[];

  @Field(() => Int, { description: 'Năm — the year.' })
  year!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày đọc mã đơn vị (mặc định hôm nay: 34 tỉnh hiện nay) — the date codes are read at (default today: the current units; earlier years then roll up through the lineage).',
  })
  asOf?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Bỏ qua bao nhiêu đơn vị (theo thứ hạng của chỉ số đầu tiên) — how many units to skip, in the order of the first metric's rank (default 0).",
  })
  offset?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Số đơn vị tối đa trả về (1–500; mặc định: tất cả) — how many units to return rows for (1–500; default: all). Ranks are always among all the units compared.',
  })
  limit?: number;
}
