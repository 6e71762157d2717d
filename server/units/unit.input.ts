import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { SortDirection } from '../shared/paging.js';
import { UnitKind, UnitLevel, ClassificationScheme } from './units.enums.js';

/** Bộ lọc đơn vị — every condition is optional and they combine with AND. */
@InputType('UnitFilter', { description: 'Bộ lọc đơn vị hành chính — filter for administrative units; conditions combine with AND.' })
export class UnitFilter {
  @Field(() => UnitLevel, { nullable: true, description: 'Chỉ đơn vị thuộc cấp này — only units of this level.' })
  level?: UnitLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Chỉ đơn vị trực thuộc đơn vị có mã này — only direct children of the unit with this code (as of `asOf`).',
  })
  parentCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Chỉ đơn vị nằm trong đơn vị có mã này, ở mọi cấp — only units anywhere below the unit with this code.',
  })
  withinCode?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      "Chỉ đơn vị là hoặc nằm dưới một trong các đường dẫn này (tối đa 50), ví dụ các `paths` trong quyền của người dùng — only units at or below one of these ltree paths (at most 50), e.g. the `paths` of the caller's grants, to offer only units inside their scope.",
  })
  withinPaths?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Tìm theo tên, không phân biệt dấu và hoa thường, hoặc theo mã (chỉ gồm chữ số: các mã bắt đầu bằng chuỗi đó) — search names ignoring accents and case ("khanh hoa" finds "Tỉnh Khánh Hòa"), or codes: digits alone find the codes starting with them ("0186" finds 01864).',
  })
  search?: string;

  @Field(() => UnitKind, { nullable: true, description: 'Chỉ đơn vị thuộc loại này — only units of this kind.' })
  kind?: UnitKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Chỉ đơn vị có phân loại này tại ngày `asOf` — only units with this classification ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN", "COMMUNE_GROUP:1").',
  })
  classification?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Đơn vị có hiệu lực vào ngày này (mặc định: hôm nay) — units valid on this date (default: today).',
  })
  asOf?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Đơn vị của mọi thời kỳ, trước và sau sắp xếp 1/7/2025 (`asOf` chỉ dùng để đọc `parentCode`, `withinCode`, `classification`) — units of any period, before and after the 1 July 2025 reorganisation (`asOf` then only reads `parentCode`, `withinCode` and `classification`). A code reused across the reorganisation then matches two units: tell them apart by `validFrom`/`validTo` and `id`.',
  })
  anyDate?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: chỉ đơn vị giữ chỗ; mặc định (false): chỉ đơn vị thật — true: only placeholder units; by default (false) only real ones.',
  })
  placeholder?: boolean;
}

/** Gán phân loại — input for classifying a unit for a period. */
@InputType('SetUnitClassificationInput', { description: 'Gán phân loại cho đơn vị — classify a unit for a period.' })
export class SetUnitClassificationInput {
  @Field({ description: "Mã GSO của đơn vị — the unit's code." })
  unitCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày xác định đơn vị theo mã (mặc định: validFrom hoặc hôm nay) — date that resolves the code (default: validFrom or today).',
  })
  asOf?: string;

  @Field(() => ClassificationScheme, { description: 'Loại phân loại — the scheme.' })
  scheme!: ClassificationScheme;

  @Field(() => String, {
    nullable: true,
    description:
      'Giá trị (TERRAIN: HIGH_MOUNTAIN | LOW_MOUNTAIN | LOWLAND; COMMUNE_GROUP: 1 | 2 | 3; bỏ trống với loại có/không) — the value.',
  })
  value?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Áp dụng từ ngày — first day it applies.' })
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Áp dụng đến ngày — last day it applies.' })
  validTo?: string;

  @Field(() => String, { nullable: true, description: 'Căn cứ (số quyết định…) — the decision it rests on.' })
  source?: string;
}

/** Hướng kế thừa — whether lineage is read towards predecessors or successors. */
export type LineageDirection = 'predecessors' | 'successors';

export { SortDirection };
