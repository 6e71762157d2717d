import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { UnitLevel } from '../shared/unit-level.enums.js';
import { BaselineSource } from './insights.enums.js';
import { UnitRef } from './insights.reference.js';

export { UnitLevel };

/** A field that is null where it does not apply: a figure without data, a term of the target without a target. */
const OrNull = (type: NonNullable<Parameters<typeof Field>[0]>, description: string) => Field(type, { nullable: true, description });

/** Whether a figure of a unit (a comparison row, a year of progress) involves communes or villages only partly in it. */
const APPROXIMATE =
  'Số liệu ước tính (có xã, thôn chỉ một phần thuộc đơn vị qua các lần sắp xếp) — approximate: communes or villages only partly in this unit across a reorganisation are involved.';

@ObjectType('InsightMetric', {
  description: 'Chỉ số tính từ hồ sơ — a metric computed from assessments and recognition decisions.',
  simpleResolvers: true,
})
export class InsightMetric {
  @Field({ description: 'Mã — code.' }) code!: string;
  @Field({ description: 'Tên tiếng Việt — name.' }) name!: string;
  @Field({ description: 'Tên tiếng Anh — name in English.' }) nameEn!: string;
  @Field({
    description:
      'Cách cộng dồn lên cấp trên: SUM (cộng) hoặc MEAN_WEIGHTED (tổng giá trị / tổng trọng số) — how it rolls up the hierarchy.',
  })
  aggregation!: string;
  @Field({
    description:
      'Mẫu số mặc định (tỷ lệ lấy trên gì, bình quân theo gì) — the default denominator: what a share is taken of or an average weighted by.',
  })
  denominatorBasis!: string;
  @Field({ description: 'Đơn vị mặc định của giá trị: COUNT, PERCENT, METRIC — what `actual` is in when no target says otherwise.' })
  defaultUnit!: string;
  @Field({ description: 'Chiều tốt hơn khi xếp hạng: HIGHER hoặc LOWER — which way ranks better.' }) better!: string;
}

/**
 * The figures of a measured target, shared by a comparison row, a progress point and a class-of-communes target.
 * Decorated so the subclasses inherit its fields; no field returns it, so the schema has no type of this name.
 *
 * One unit per column: `actual` is always in the metric's own unit (`valueUnit`: a share in PERCENT for the commune
 * and village tiers, METRIC for the averages, COUNT for communes under 15); `count` and `share` give both forms of a count metric.
 * A target is compared in its own terms (`targetUnit`, `targetBasis`): `targetActual` is the figure it is compared
 * with, and `gap` and `onTrack` are in those terms. Without data every figure is null, never 0.
 */
@ObjectType()
abstract class TargetFigures {
  @OrNull(
    () => Float,
    "Thực hiện, luôn theo đơn vị của chỉ số (valueUnit); null khi chưa có số liệu — the actual figure, always in the metric's own unit (valueUnit); null when no unit has data.",
  )
  actual!: number | null;
  @Field({
    description:
      'Đơn vị của actual, cố định cho mỗi chỉ số: PERCENT (tỷ lệ % trên denominatorBasis), METRIC (bình quân), COUNT — the unit of actual, fixed per metric.',
  })
  valueUnit!: string;
  @OrNull(
    () => Int,
    'Số lượng đơn vị đạt (chỉ số đếm xã/thôn; null với chỉ số bình quân hoặc khi chưa có số liệu) — the count, for metrics that count units; null for averages or without data.',
  )
  count!: number | null;
  @OrNull(
    () => Float,
    'Tỷ lệ % = 100 × count ÷ denominator, trên denominatorBasis (null với chỉ số bình quân, khi chưa có số liệu hoặc mẫu số 0) — the share in percent of denominator; null for averages, without data or with a zero denominator.',
  )
  share!: number | null;
  @Field(() => Int, {
    description: "Tử số (số xã đạt, tổng số tiêu chí đạt …), theo denominatorBasis của chỉ số — numerator on the metric's own basis.",
  })
  numerator!: number;
  @Field(() => Int, { description: "Mẫu số theo denominatorBasis của chỉ số — denominator on the metric's own basis." })
  denominator!: number;
  @Field({
    description:
      "Mẫu số là gì (của chỉ số, không phải của chỉ tiêu): ALL_COMMUNES, ASSESSED_COMMUNES, ALL_VILLAGES, ASSESSED_VILLAGES — what the denominator counts; the target's own basis is targetBasis.",
  })
  denominatorBasis!: string;
  @Field(() => Int, {
    description:
      'Số đơn vị có số liệu năm đó (xã có đánh giá hoặc quyết định công nhận; xã được đánh giá; thôn có đánh giá hoặc quyết định công nhận; thôn được đánh giá) — how many units in scope have data that year (see the metric: communes or villages assessed or recognised, or assessed).',
  })
  unitsWithData!: number;
  @Field(() => Int, {
    description:
      'Số đơn vị trong phạm vi (xã; thôn với chỉ số thôn) — how many units (communes, or villages for village metrics) the figure is about.',
  })
  unitsInScope!: number;
  @OrNull(
    () => Float,
    'Độ phủ số liệu, % = 100 × unitsWithData ÷ unitsInScope (null khi không có đơn vị nào trong phạm vi) — data coverage in percent.',
  )
  coverage!: number | null;
  @Field({
    description:
      'Số liệu chưa đầy đủ: chỉ một phần đơn vị có số liệu (ví dụ tỉnh mới sáp nhập có tỉnh cũ chưa nhập số liệu); số lượng chỉ tính các đơn vị có số liệu, tỷ lệ tính trên toàn bộ mẫu số; không xếp hạng, không đối chiếu chỉ tiêu — only some units have data: counts cover them only, shares are of the whole denominator; not ranked, not checked against the target.',
  })
  partial!: boolean;
  @OrNull(
    () => Float,
    "Chỉ tiêu áp dụng, theo targetUnit (cận dưới nếu là khoảng; chỉ tiêu tăng thêm đã cộng dồn từ mốc của kế hoạch; null khi kế hoạch không nêu mốc) — the applicable target in targetUnit (lower end of a range; increments accumulated from the plan's baseline; null when the plan states none).",
  )
  target!: number | null;
  @OrNull(() => Float, 'Cận trên của chỉ tiêu khoảng — upper end of a range target.') targetMax!: number | null;
  @OrNull(
    () => String,
    "Đơn vị của chỉ tiêu: COUNT (số lượng, so với count), PERCENT (tỷ lệ % trên targetBasis), METRIC (bình quân) — the target's unit, which targetActual and gap are in.",
  )
  targetUnit!: string | null;
  @OrNull(() => String, 'Mẫu số của chỉ tiêu tỷ lệ (Quảng Nam: NTM_COMMUNES) — what a share target is a share of.')
  targetBasis!: string | null;
  @OrNull(() => String, "Phép so sánh của chỉ tiêu — the target's comparator.") targetComparator!: string | null;
  @OrNull(() => ID, "Mã chỉ tiêu trong phân hệ campaigns — the target's id.") targetId!: string | null;
  @OrNull(() => String, "Trích văn bản của chỉ tiêu — the target's words.") targetQuote!: string | null;
  @OrNull(() => String, "Điều khoản nguồn của chỉ tiêu — the target's source clause.") targetSource!: string | null;
  @OrNull(
    () => Float,
    "Thực hiện tính theo đơn vị và mẫu số của chỉ tiêu (số lượng với chỉ tiêu số lượng, tỷ lệ với chỉ tiêu tỷ lệ) — the actual in the target's terms: what gap and onTrack compare.",
  )
  targetActual!: number | null;
  @OrNull(() => Int, "Tử số theo mẫu số của chỉ tiêu — numerator in the target's terms.") targetNumerator!: number | null;
  @OrNull(() => Int, "Mẫu số theo mẫu số của chỉ tiêu — denominator in the target's terms.")
  targetDenominator!: number | null;
  @OrNull(
    () => Float,
    'Với chỉ tiêu tăng thêm: tổng mức tăng kế hoạch nêu đến năm này — for an increment target: the increase the plan states up to this year.',
  )
  targetIncrement!: number | null;
  @OrNull(() => Int, 'Năm mốc của chỉ tiêu tăng thêm — the baseline year of an increment target.')
  baselineYear!: number | null;
  @OrNull(
    () => Float,
    'Số liệu mốc theo kế hoạch (null khi kế hoạch không nêu) — the baseline figure from the plan; null when it states none.',
  )
  baseline!: number | null;
  @OrNull(() => BaselineSource, 'Nguồn của mốc — where the baseline comes from (null for a target stated as an absolute figure).')
  baselineSource!: BaselineSource | null;
  @OrNull(
    () => Float,
    'Chênh lệch = targetActual − target, theo targetUnit (null khi chưa có số liệu, chưa đủ số liệu hoặc không có chỉ tiêu) — targetActual minus target, in targetUnit.',
  )
  gap!: number | null;
  @OrNull(
    () => Boolean,
    'Đạt chỉ tiêu theo phép so sánh (null: không có chỉ tiêu, chưa có hoặc chưa đủ số liệu) — whether targetActual meets the target (null without a target, data or full coverage).',
  )
  onTrack!: boolean | null;
  @OrNull(
    () => String,
    'Giải thích — explanation (no data, partial data, approximation, how an increment target was accumulated, no classified commune).',
  )
  note!: string | null;
}

@ObjectType('ClassTargetResult', {
  description:
    "Chỉ tiêu cho một loại đơn vị trực thuộc (ví dụ xã miền núi cao) và kết quả của các đơn vị thuộc loại đó — a target restricted to a class of the unit's communes, and how those communes fare.",
  simpleResolvers: true,
})
export class ClassTargetResult extends TargetFigures {
  @Field({ description: 'Loại đơn vị (HIGH_MOUNTAIN, LOW_MOUNTAIN, MOUNTAIN, LOWLAND, ESPECIALLY_DISADVANTAGED …) — the class of units.' })
  unitClass!: string;
  @Field(() => Int, {
    description: "Số xã trực thuộc mang phân loại này tại ngày asOf — how many of the unit's communes carry the classification on asOf.",
  })
  communes!: number;
}

// Plain data rows: the default field resolver is enough, so type-graphql's per-field wrapper is skipped on large comparisons.
@ObjectType('ComparisonRow', { description: 'Một đơn vị × một chỉ số — one unit and metric of a comparison.', simpleResolvers: true })
export class ComparisonRow extends TargetFigures {
  @Field(() => UnitRef, { description: 'Đơn vị — the unit.' }) unit!: UnitRef;
  @Field({ description: 'Mã đơn vị — its code.' }) unitCode!: string;
  @Field({ description: 'Tên đơn vị — its name.' }) unitName!: string;
  @Field({ description: 'Cấp — its level.' }) unitLevel!: string;
  @Field({ description: 'Mã chỉ số — metric code.' }) metric!: string;
  @Field(() => Int, { description: 'Năm — year.' }) year!: number;
  @OrNull(
    () => Int,
    'Thứ hạng theo actual trong các đơn vị có đủ số liệu (null: chưa có hoặc chưa đủ số liệu, không xếp hạng) — rank on actual among the compared units with full data; null for units without data or with partial data.',
  )
  rank!: number | null;
  @Field({ description: APPROXIMATE }) approximate!: boolean;
  @Field(() => [ClassTargetResult], {
    description:
      "Chỉ tiêu riêng cho từng loại xã trực thuộc (ví dụ bình quân tiêu chí của xã miền núi cao), tính trên các xã mang phân loại đó — targets restricted to a class of the unit's communes, each over the communes so classified.",
  })
  classTargets!: ClassTargetResult[];
}

@ObjectType('Comparison', { description: 'Bảng so sánh — a comparison table.', simpleResolvers: true })
export class Comparison {
  @Field(() => Int, { description: 'Năm — the year.' }) year!: number;
  @Field(() => DateScalar, { description: 'Ngày đọc mã đơn vị — the date unit codes were read at.' }) asOf!: string;
  @Field(() => [InsightMetric], { description: 'Các chỉ số được so sánh — the metrics compared.' }) metrics!: InsightMetric[];
  @Field(() => [ComparisonRow], {
    description:
      "Theo chỉ số rồi theo thứ hạng (chỉ các đơn vị của trang khi có offset/limit) — by metric, then rank (only the page's units when offset/limit are given).",
  })
  rows!: ComparisonRow[];
  @Field(() => Int, { description: 'Tổng số đơn vị được so sánh — how many units are compared in all (rows may hold one page of them).' })
  unitCount!: number;
  @Field({ description: 'Có dòng ước tính — whether any row is approximate.' }) approximate!: boolean;
  @Field(() => [String], { description: 'Ghi chú về cách tính — notes on how the figures were obtained.' }) notes!: string[];
}

@ObjectType('ProgressPoint', {
  description: 'Một năm của tiến độ — one year of progress, with the same figure fields as a comparison row.',
  simpleResolvers: true,
})
export class ProgressPoint extends TargetFigures {
  @Field(() => Int, { description: 'Năm — the year.' }) year!: number;
  @Field({ description: APPROXIMATE }) approximate!: boolean;
  @Field(() => [ClassTargetResult], {
    description:
      "Chỉ tiêu năm đó cho từng loại xã trực thuộc, tính trên các xã mang phân loại đó tại ngày đọc mã — that year's targets for a class of the unit's communes, each over the communes so classified on asOf.",
  })
  classTargets!: ClassTargetResult[];
}
