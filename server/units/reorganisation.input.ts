import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { LineageShare, ReorganisationKind, ReorganisationStatus, UnitKind } from './units.enums.js';

@InputType('ReorganisationSourceInput', { description: 'Đơn vị nguồn — a unit the reorganisation takes from.' })
export class ReorganisationSourceInput {
  @Field({ description: "Mã đơn vị (đọc ngày trước ngày hiệu lực) — the unit's code, read on the day before the effective date." })
  unitCode!: string;

  @Field(() => LineageShare, {
    description: 'FULL: cả đơn vị đi vào kết quả; PARTIAL: một phần (chia tách) — the whole unit goes into its result, or only part of it.',
  })
  share!: LineageShare;
}

@InputType('ReorganisationResultInput', {
  description:
    'Đơn vị kết quả — a unit the reorganisation yields: an existing one (existingCode) or a new one (name, kind, parentCode and, except for villages, code).',
})
export class ReorganisationResultInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Mã đơn vị có sẵn tiếp tục tồn tại (nhận nhập, hoặc đơn vị nguồn còn lại sau khi tách) — the code of an existing unit that continues.',
  })
  existingCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Mã của đơn vị mới (có thể dùng lại mã của đơn vị nguồn; thôn: bỏ trống để tự cấp) — the new unit's code (a source's code may be reused; villages: leave empty for the next free one).",
  })
  code?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Tên đơn vị mới, không kèm loại ("Hòa Bình") — the new unit\'s name without its kind word.',
  })
  name?: string;

  @Field(() => UnitKind, { nullable: true, description: "Loại của đơn vị mới — the new unit's kind." })
  kind?: UnitKind;

  @Field(() => String, {
    nullable: true,
    description: "Mã đơn vị cấp trên của đơn vị mới (đọc ngày hiệu lực) — the code of the new unit's parent, read on the effective date.",
  })
  parentCode?: string;
}

@InputType('ChildPlacementInput', { description: 'Đơn vị trực thuộc chuyển về kết quả nào — which result a sub-unit of a source goes to.' })
export class ChildPlacementInput {
  @Field({
    description: "Mã đơn vị trực thuộc (đọc ngày trước ngày hiệu lực) — the sub-unit's code, read on the day before the effective date.",
  })
  childCode!: string;

  @Field(() => Int, { description: 'Thứ tự của kết quả trong `results` (từ 0) — the position of its result in `results` (from 0).' })
  resultIndex!: number;
}

@InputType('RecordReorganisationInput', {
  description:
    'Ghi nhận một sắp xếp đơn vị hành chính có hiệu lực từ một ngày (quản trị hệ thống) — record a dated reorganisation (system administrators). Sources close the day before `effectiveOn`, new results open on it, lineage is written and sub-units are placed under the results.',
})
export class RecordReorganisationInput {
  @Field(() => ReorganisationKind, { description: 'Loại sắp xếp — what it does.' })
  kind!: ReorganisationKind;

  @Field(() => DateScalar, {
    description: 'Ngày có hiệu lực: ngày đầu tiên của các đơn vị kết quả — the effective date, the first day of the results.',
  })
  effectiveOn!: string;

  @Field({ description: 'Số nghị quyết, quyết định ("1656/NQ-UBTVQH15") — the resolution or decision number.' })
  resolutionNumber!: string;

  @Field(() => DateScalar, {
    description: 'Ngày ban hành (không sau ngày hiệu lực) — the date it was issued (not after the effective date).',
  })
  resolutionDate!: string;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành ("Ủy ban Thường vụ Quốc hội") — who issued it.' })
  issuer?: string;

  @Field(() => String, { nullable: true, description: 'Ghi chú — a note.' })
  note?: string;

  @Field(() => [ReorganisationSourceInput], { description: 'Đơn vị nguồn (1–50, cùng cấp) — the source units (1–50, of one level).' })
  sources!: ReorganisationSourceInput[];

  @Field(() => [ReorganisationResultInput], {
    description: "Đơn vị kết quả (1–50, cùng cấp với nguồn) — the resulting units (1–50, of the sources' level).",
  })
  results!: ReorganisationResultInput[];

  @Field(() => [ChildPlacementInput], {
    nullable: true,
    description:
      'Nơi chuyển các đơn vị trực thuộc; bắt buộc với đơn vị nguồn chia cho nhiều kết quả, nếu không thì mặc định về kết quả duy nhất — where sub-units of the sources go; needed for a source split among several results, otherwise they follow its one result.',
  })
  placements?: ChildPlacementInput[];
}

@InputType('WithdrawReorganisationInput', {
  description: 'Hủy một sắp xếp chưa có hiệu lực — withdraw a reorganisation before its effective date.',
})
export class WithdrawReorganisationInput {
  @Field({ description: "Mã sắp xếp — the reorganisation's id." })
  id!: string;

  @Field({ description: 'Lý do hủy — why it is withdrawn.' })
  reason!: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc — the version read.' })
  expectedVersion!: number;
}

@InputType('ReorganisationFilter', {
  description: 'Bộ lọc sắp xếp đơn vị hành chính — filter for reorganisations; conditions combine with AND.',
})
export class ReorganisationFilter {
  @Field(() => ReorganisationStatus, { nullable: true, description: 'Chỉ trạng thái này — only this status.' })
  status?: ReorganisationStatus;

  @Field(() => ReorganisationKind, { nullable: true, description: 'Chỉ loại này — only this kind.' })
  kind?: ReorganisationKind;

  @Field(() => String, {
    nullable: true,
    description: 'Chỉ sắp xếp có đơn vị mang mã này là nguồn hoặc kết quả — only those with a source or result holding this code.',
  })
  unitCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Có hiệu lực từ ngày — effective on or after.' })
  effectiveFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Có hiệu lực đến ngày — effective on or before.' })
  effectiveTo?: string;
}
