import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { UnitLevel } from '../shared/unit-level.js';

export { UnitLevel };

/**
 * Đơn vị hành chính — the units subgraph's entity, seen from here by its key. Insights adds `subunits`, read from its
 * copy of the unit tree (one statement per level of a nested read).
 */
@ObjectType('AdministrativeUnit', { description: 'Đơn vị hành chính — an administrative unit (owned by the units subgraph; here with its sub-units from the insights read model).' })
@Directive('@key(fields: "id")')
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id of the unit.' })
  id!: number;
}

export const unitRef = (id: number): UnitRef => Object.assign(new UnitRef(), { id });

@InputType('CompareInput', { description: 'So sánh địa phương — which units, metrics and year to compare. Give exactly one of unitCodes, childrenOf, level.' })
export class CompareInput {
  @Field(() => [String], { nullable: true, description: 'Các mã đơn vị (đọc tại asOf) — unit codes, read on asOf.' })
  unitCodes?: string[];

  @Field(() => String, { nullable: true, description: 'Mọi đơn vị trực thuộc đơn vị có mã này (đọc tại asOf) — all direct children of the unit with this code.' })
  childrenOf?: string;

  @Field(() => UnitLevel, { nullable: true, description: 'Mọi đơn vị của cấp này, hiệu lực tại asOf — all units of this level valid on asOf.' })
  level?: UnitLevel;

  @Field(() => [String], { description: 'Mã chỉ số — metric codes (COMMUNES_NTM, COMMUNES_ADVANCED, COMMUNES_MODEL, AVG_CRITERIA_MET, COMMUNES_UNDER_15, VILLAGES_MODEL, VILLAGES_NTM, AVG_VILLAGE_CRITERIA_MET).' })
  metrics!: string[];

  @Field(() => Int, { description: 'Năm — the year.' })
  year!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày đọc mã đơn vị (mặc định hôm nay: 34 tỉnh hiện nay) — the date codes are read at (default today: the current units; earlier years then roll up through the lineage).' })
  asOf?: string;

  @Field(() => Int, { nullable: true, description: 'Bỏ qua bao nhiêu đơn vị (theo thứ hạng của chỉ số đầu tiên) — how many units to skip, in the order of the first metric\'s rank (default 0).' })
  offset?: number;

  @Field(() => Int, { nullable: true, description: 'Số đơn vị tối đa trả về (1–500; mặc định: tất cả) — how many units to return rows for (1–500; default: all). Ranks are always among all the units compared.' })
  limit?: number;
}

@ObjectType('InsightMetric', { description: 'Chỉ số tính từ hồ sơ — a metric computed from assessments and recognition decisions.', simpleResolvers: true })
export class InsightMetric {
  @Field({ description: 'Mã — code.' }) code!: string;
  @Field({ description: 'Tên tiếng Việt — name.' }) name!: string;
  @Field({ description: 'Tên tiếng Anh — name in English.' }) nameEn!: string;
  @Field({ description: 'Cách cộng dồn lên cấp trên: SUM (cộng) hoặc MEAN_WEIGHTED (tổng giá trị / tổng trọng số) — how it rolls up the hierarchy.' }) aggregation!: string;
  @Field({ description: 'Mẫu số mặc định (tỷ lệ lấy trên gì, bình quân theo gì) — the default denominator: what a share is taken of or an average weighted by.' }) denominatorBasis!: string;
  @Field({ description: 'Đơn vị mặc định của giá trị: COUNT, PERCENT, METRIC — what `actual` is in when no target says otherwise.' }) defaultUnit!: string;
  @Field({ description: 'Chiều tốt hơn khi xếp hạng: HIGHER hoặc LOWER — which way ranks better.' }) better!: string;
}

/**
 * The figures of a measured target, shared by a comparison row and a class-of-communes target. Decorated so the
 * subclasses inherit its fields; no field returns it, so the schema has no type of this name.
 */
@ObjectType()
abstract class TargetFigures {
  @Field(() => Float, { nullable: true, description: 'Thực hiện, theo valueUnit (null khi mẫu số bằng 0 hoặc không có đơn vị nào để đo) — the actual figure in valueUnit (null when the denominator is 0 or nothing is measured).' }) actual!: number | null;
  @Field({ description: 'Đơn vị của actual và target: COUNT, PERCENT, METRIC (theo chỉ tiêu áp dụng, nếu có) — what actual and target are in (the applicable target\'s unit, if any).' }) valueUnit!: string;
  @Field(() => Int, { description: 'Tử số (số xã đạt, tổng số tiêu chí đạt …) — numerator.' }) numerator!: number;
  @Field(() => Int, { description: 'Mẫu số — denominator (see denominatorBasis).' }) denominator!: number;
  @Field({ description: 'Mẫu số là gì — what the denominator counts (ALL_COMMUNES, NTM_COMMUNES, ASSESSED_COMMUNES, ALL_VILLAGES, ASSESSED_VILLAGES …).' }) denominatorBasis!: string;
  @Field(() => Float, { nullable: true, description: 'Chỉ tiêu áp dụng (cận dưới nếu là khoảng) — the applicable target (lower end of a range).' }) target!: number | null;
  @Field(() => Float, { nullable: true, description: 'Cận trên của chỉ tiêu khoảng — upper end of a range target.' }) targetMax!: number | null;
  @Field(() => String, { nullable: true, description: 'Phép so sánh của chỉ tiêu — the target\'s comparator.' }) targetComparator!: string | null;
  @Field(() => ID, { nullable: true, description: 'Mã chỉ tiêu trong phân hệ campaigns — the target\'s id.' }) targetId!: string | null;
  @Field(() => String, { nullable: true, description: 'Trích văn bản của chỉ tiêu — the target\'s words.' }) targetQuote!: string | null;
  @Field(() => Float, { nullable: true, description: 'Chênh lệch = thực hiện − chỉ tiêu — actual minus target.' }) gap!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Đạt chỉ tiêu theo phép so sánh (null: không có chỉ tiêu hoặc chưa đo được) — whether actual meets the target (null without a target or an actual).' }) onTrack!: boolean | null;
  @Field(() => String, { nullable: true, description: 'Giải thích — explanation (approximation, increment baseline, no classified commune).' }) note!: string | null;
}

@ObjectType('ClassTargetResult', { description: 'Chỉ tiêu cho một loại đơn vị trực thuộc (ví dụ xã miền núi cao) và kết quả của các đơn vị thuộc loại đó — a target restricted to a class of the unit\'s communes, and how those communes fare.', simpleResolvers: true })
export class ClassTargetResult extends TargetFigures {
  @Field({ description: 'Loại đơn vị (HIGH_MOUNTAIN, LOW_MOUNTAIN, MOUNTAIN, LOWLAND, ESPECIALLY_DISADVANTAGED …) — the class of units.' }) unitClass!: string;
  @Field(() => Int, { description: 'Số xã trực thuộc mang phân loại này tại ngày asOf — how many of the unit\'s communes carry the classification on asOf.' }) communes!: number;
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
  @Field(() => Int, { nullable: true, description: 'Thứ hạng trong các đơn vị được so sánh, theo giá trị mặc định của chỉ số — rank among the compared units.' }) rank!: number | null;
  @Field({ description: 'Số liệu ước tính (có xã, thôn chỉ một phần thuộc đơn vị qua các lần sắp xếp) — approximate: communes or villages only partly in this unit across a reorganisation are involved.' }) approximate!: boolean;
  @Field(() => [ClassTargetResult], { description: 'Chỉ tiêu riêng cho từng loại xã trực thuộc (ví dụ bình quân tiêu chí của xã miền núi cao), tính trên các xã mang phân loại đó — targets restricted to a class of the unit\'s communes, each over the communes so classified.' }) classTargets!: ClassTargetResult[];
}

@ObjectType('Comparison', { description: 'Bảng so sánh — a comparison table.', simpleResolvers: true })
export class Comparison {
  @Field(() => Int, { description: 'Năm — the year.' }) year!: number;
  @Field(() => DateScalar, { description: 'Ngày đọc mã đơn vị — the date unit codes were read at.' }) asOf!: string;
  @Field(() => [InsightMetric], { description: 'Các chỉ số được so sánh — the metrics compared.' }) metrics!: InsightMetric[];
  @Field(() => [ComparisonRow], { description: 'Theo chỉ số rồi theo thứ hạng (chỉ các đơn vị của trang khi có offset/limit) — by metric, then rank (only the page\'s units when offset/limit are given).' }) rows!: ComparisonRow[];
  @Field(() => Int, { description: 'Tổng số đơn vị được so sánh — how many units are compared in all (rows may hold one page of them).' }) unitCount!: number;
  @Field({ description: 'Có dòng ước tính — whether any row is approximate.' }) approximate!: boolean;
  @Field(() => [String], { description: 'Ghi chú về cách tính — notes on how the figures were obtained.' }) notes!: string[];
}

@ObjectType('ProgressPoint', { description: 'Một năm của tiến độ — one year of progress.', simpleResolvers: true })
export class ProgressPoint {
  @Field(() => Int, { description: 'Năm — the year.' }) year!: number;
  @Field(() => Float, { nullable: true, description: 'Thực hiện, theo valueUnit — the actual figure in valueUnit.' }) actual!: number | null;
  @Field(() => Float, { nullable: true, description: 'Chỉ tiêu năm đó (tăng thêm đã cộng dồn) — that year\'s target (increments accumulated).' }) target!: number | null;
  @Field({ description: 'Đơn vị: COUNT, PERCENT, METRIC — what actual and target are in.' }) valueUnit!: string;
  @Field(() => Int, { description: 'Tử số — numerator.' }) numerator!: number;
  @Field(() => Int, { description: 'Mẫu số — denominator.' }) denominator!: number;
  @Field(() => Float, { nullable: true, description: 'Chênh lệch = thực hiện − chỉ tiêu — actual minus target.' }) gap!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Đạt chỉ tiêu (null: không có chỉ tiêu) — whether actual meets the target.' }) onTrack!: boolean | null;
  @Field({ description: 'Số liệu ước tính (có xã, thôn chỉ một phần thuộc đơn vị qua các lần sắp xếp) — approximate: communes or villages only partly in this unit across a reorganisation are involved.' }) approximate!: boolean;
  @Field(() => String, { nullable: true, description: 'Giải thích — explanation.' }) note!: string | null;
  @Field(() => [ClassTargetResult], { description: 'Chỉ tiêu năm đó cho từng loại xã trực thuộc, tính trên các xã mang phân loại đó tại ngày đọc mã — that year\'s targets for a class of the unit\'s communes, each over the communes so classified on asOf.' }) classTargets!: ClassTargetResult[];
}
