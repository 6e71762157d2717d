/**
 * What the comparison and progress downloads contain: the GraphQL selection, the Vietnamese headers and one row of
 * cells per comparison row or progress point. The same figures as the API and the console — one unit per column
 * (count, share and the metric's own value apart), empty cells for missing data, never 0 — and nothing about how the
 * file is sent (exports.ts).
 */

/** A table cell: numbers stay numbers (numeric XLSX cells, plain digits in CSV); null is an empty cell. */
export type Cell = string | number | boolean | null;

const FIGURES = `actual valueUnit count share numerator denominator denominatorBasis unitsWithData unitsInScope coverage partial
  target targetMax targetUnit targetBasis targetComparator targetActual targetIncrement baselineYear baseline baselineSource gap onTrack note`;

export const COMPARE_QUERY = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode unitName unitLevel metric year rank approximate ${FIGURES} } } }`;
export const PROGRESS_QUERY = `query($u: String!, $m: String!, $f: Int!, $t: Int!, $d: Date) { progress(unitCode: $u, metric: $m, fromYear: $f, toYear: $t, asOf: $d) {
  year approximate ${FIGURES} } }`;

/** The figure columns both tables share, after their own leading columns. */
const FIGURE_HEADERS = ['Giá trị', 'Đơn vị tính', 'Số lượng', 'Tỷ lệ (%)', 'Tử số', 'Mẫu số', 'Cơ sở mẫu số', 'Đơn vị có số liệu', 'Đơn vị trong phạm vi',
  'Độ phủ số liệu (%)', 'Chưa đủ số liệu', 'Chỉ tiêu', 'Cận trên chỉ tiêu', 'Đơn vị chỉ tiêu', 'Mẫu số chỉ tiêu', 'Phép so sánh', 'Thực hiện theo chỉ tiêu',
  'Mức tăng theo kế hoạch', 'Năm mốc', 'Số liệu mốc', 'Nguồn mốc', 'Chênh lệch', 'Đạt chỉ tiêu'];

export const COMPARE_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Chỉ số', 'Năm', ...FIGURE_HEADERS, 'Xếp hạng', 'Ước tính', 'Ghi chú'];
export const PROGRESS_HEADERS = ['Năm', ...FIGURE_HEADERS, 'Ước tính', 'Ghi chú'];

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'Có' : 'Không');

/** The shared figure cells of a comparison row or progress point, in FIGURE_HEADERS order. */
const figureCells = (r: any): Cell[] => [r.actual, r.valueUnit, r.count, r.share, r.numerator, r.denominator, r.denominatorBasis, r.unitsWithData,
  r.unitsInScope, r.coverage, yesNo(r.partial), r.target, r.targetMax, r.targetUnit, r.targetBasis, r.targetComparator, r.targetActual,
  r.targetIncrement, r.baselineYear, r.baseline, r.baselineSource, r.gap, yesNo(r.onTrack)];

export const compareRows = (data: any): Cell[][] => [COMPARE_HEADERS, ...data.compare.rows.map((r: any) => [
  r.unitCode, r.unitName, r.unitLevel, r.metric, r.year, ...figureCells(r), r.rank, yesNo(r.approximate), r.note])];

export const progressRows = (data: any): Cell[][] => [PROGRESS_HEADERS, ...data.progress.map((p: any) => [
  p.year, ...figureCells(p), yesNo(p.approximate), p.note])];
