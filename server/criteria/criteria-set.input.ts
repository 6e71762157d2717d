import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { Comparator, CriteriaLevel, CriteriaRegion, CriteriaTier } from './criteria.enums.js';

/** Bộ lọc bộ tiêu chí — conditions combine with AND. */
@InputType('CriteriaSetFilter', { description: 'Bộ lọc bộ tiêu chí — filter for criteria sets; conditions combine with AND.' })
export class CriteriaSetFilter {
  @Field(() => String, { nullable: true, description: 'Mã bộ tiêu chí — exact code.' })
  code?: string;

  @Field(() => CriteriaTier, { nullable: true, description: 'Hạng — only sets of this tier.' })
  tier?: CriteriaTier;

  @Field(() => CriteriaLevel, { nullable: true, description: 'Cấp áp dụng — only sets for this level.' })
  appliesTo?: CriteriaLevel;

  @Field(() => Int, {
    nullable: true,
    description: 'Chỉ bộ tiêu chí có hiệu lực trong năm này — only sets whose period covers part of this year.',
  })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'Chỉ bộ tiêu chí của đơn vị này (mã định danh) — only sets owned by this unit id.' })
  ownerId?: string;

  @Field(() => ID, { nullable: true, description: 'Chỉ bộ tiêu chí dẫn xuất từ bộ này — only sets derived directly from this set.' })
  parentId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Tìm theo mã hoặc tên, không phân biệt dấu và hoa thường — search codes and names ignoring accents and case ("nong thon moi" finds "nông thôn mới").',
  })
  search?: string;
}

/** Căn cứ pháp lý (nhập) — the decision that issues a set. */
@InputType('LegalBasisInput', { description: 'Căn cứ pháp lý — the decision that issues a set.' })
export class LegalBasisInput {
  @Field(() => String, { nullable: true, description: 'Số quyết định — decision number.' })
  number?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày ban hành — date signed.' })
  date?: string;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — issuer.' })
  issuer?: string;

  @Field(() => String, { nullable: true, description: 'Trích yếu — title.' })
  title?: string;
}

/** Dẫn xuất bộ tiêu chí — a locality's own set from a parent set. */
@InputType('DeriveCriteriaSetInput', {
  description: 'Dẫn xuất bộ tiêu chí — a locality derives its own set from a parent set (UNIT_ADMIN of the owner unit).',
})
export class DeriveCriteriaSetInput {
  @Field(() => ID, { description: 'Bộ tiêu chí gốc — the set derived from.' })
  parentId!: string;

  @Field({ description: "Mã đơn vị sở hữu (địa phương) — code of the owner unit, which must lie below the parent set's owner." })
  ownerCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày tra cứu mã đơn vị (mặc định: ngày bắt đầu hiệu lực) — date the owner code is read at (default: periodStart).',
  })
  ownerAsOf?: string;

  @Field({ description: 'Mã bộ tiêu chí mới (duy nhất) — unique code of the new set, e.g. "COMMUNE-NTM-2021-2025-56".' })
  code!: string;

  @Field({ description: 'Tên (tiếng Việt) — Vietnamese name.' })
  nameVi!: string;

  @Field(() => String, { nullable: true, description: 'Tên tiếng Anh — English name.' })
  nameEn?: string;

  @Field(() => DateScalar, { nullable: true, description: "Áp dụng từ (mặc định như bộ gốc) — period start, inside the parent's period." })
  periodStart?: string;

  @Field(() => DateScalar, { nullable: true, description: "Áp dụng đến (mặc định như bộ gốc) — period end, inside the parent's period." })
  periodEnd?: string;

  @Field(() => LegalBasisInput, { nullable: true, description: "Căn cứ pháp lý — the locality's decision." })
  legalBasis?: LegalBasisInput;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string;
}

/** Sửa bộ tiêu chí — change a set's descriptive fields. */
@InputType('UpdateCriteriaSetInput', {
  description: "Sửa thông tin bộ tiêu chí — change a set's names, legal basis, source or note (UNIT_ADMIN of the owner).",
})
export class UpdateCriteriaSetInput {
  @Field(() => ID, { description: 'Bộ tiêu chí — the set.' })
  id!: string;

  @Field(() => Int, { description: 'Phiên bản đang sửa — the version read; a newer one means someone else changed it (CONFLICT).' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Tên (tiếng Việt) — Vietnamese name.' })
  nameVi?: string;

  @Field(() => String, { nullable: true, description: 'Tên tiếng Anh — English name.' })
  nameEn?: string;

  @Field(() => LegalBasisInput, { nullable: true, description: 'Căn cứ pháp lý — replaces the legal basis.' })
  legalBasis?: LegalBasisInput;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string;
}

/** Thêm tiêu chí — a criterion of a root (non-derived) set. */
@InputType('AddCriterionInput', {
  description: "Thêm tiêu chí vào bộ gốc — add a criterion to a set that is not derived (e.g. a province's village set).",
})
export class AddCriterionInput {
  @Field(() => ID, { description: 'Bộ tiêu chí — the set.' })
  criteriaSetId!: string;

  @Field(() => Int, { description: 'Số thứ tự — the criterion number (unique in the set).' })
  number!: number;

  @Field({ description: 'Tên (tiếng Việt) — Vietnamese name.' })
  nameVi!: string;

  @Field(() => String, { nullable: true, description: 'Tên tiếng Anh — English name.' })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Nguồn — citation.' })
  source?: string;
}

/** Thêm chỉ tiêu — an indicator of one of a set's criteria. */
@InputType('AddIndicatorInput', {
  description:
    'Thêm chỉ tiêu — add an indicator to a criterion of the set (a derived set may add its own indicators to inherited criteria).',
})
export class AddIndicatorInput {
  @Field(() => ID, { description: 'Bộ tiêu chí — the set.' })
  criteriaSetId!: string;

  @Field(() => Int, { description: 'Số tiêu chí — number of the criterion.' })
  criterionNumber!: number;

  @Field({ description: 'Mã chỉ tiêu — code such as "2.1", unique along the set\'s derivation chain.' })
  code!: string;

  @Field({ description: 'Nội dung (tiếng Việt) — Vietnamese wording.' })
  nameVi!: string;

  @Field(() => String, { nullable: true, description: 'Nội dung tiếng Anh — English wording.' })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Đơn vị tính — unit of measure.' })
  unitOfMeasure?: string;

  @Field(() => Comparator, { description: 'Phép so sánh — comparator.' })
  comparator!: Comparator;

  @Field(() => String, { nullable: true, description: 'Nguồn — citation.' })
  source?: string;
}

/** Đặt ngưỡng — set or override an indicator's threshold in a set. */
@InputType('OverrideThresholdInput', {
  description:
    "Đặt hoặc sửa ngưỡng của chỉ tiêu trong một bộ tiêu chí — set an indicator's threshold in a set, optionally only for a unit below the set's owner, a unit class, region, commune group or year (UNIT_ADMIN of the set's owner).",
})
export class OverrideThresholdInput {
  @Field(() => ID, { description: "Bộ tiêu chí (thường là bộ dẫn xuất của địa phương) — the set, usually the locality's derived set." })
  criteriaSetId!: string;

  @Field({ description: 'Mã chỉ tiêu — indicator code, e.g. "10.1".' })
  indicatorCode!: string;

  @Field(() => Float, { description: 'Giá trị ngưỡng — the level.' })
  value!: number;

  @Field(() => String, {
    nullable: true,
    description: "Chỉ cho đơn vị này và cấp dưới (mặc định: đơn vị sở hữu bộ) — only for this unit's subtree (default: the set's owner).",
  })
  unitCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Chỉ cho đơn vị có phân loại này — only for units with this classification ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN").',
  })
  unitClass?: string;

  @Field(() => CriteriaRegion, { nullable: true, description: 'Chỉ cho vùng này — only for this region.' })
  region?: CriteriaRegion;

  @Field(() => Int, { nullable: true, description: 'Chỉ cho nhóm xã này (1–3) — only for this commune group.' })
  communeGroup?: number;

  @Field(() => Int, { nullable: true, description: 'Chỉ cho năm này — only for this year.' })
  year?: number;

  @Field(() => String, { nullable: true, description: 'Nguồn (số quyết định…) — citation.' })
  source?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Phiên bản của ngưỡng đang sửa (bắt buộc khi ngưỡng đã có) — the version read, required when this threshold exists.',
  })
  expectedVersion?: number;
}
