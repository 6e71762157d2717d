import type { Cell } from '../shared/table-file.js';
import { exportLabels, type ExportLanguage } from './export-labels.js';

/**
 * What the comparison and progress downloads contain: the GraphQL selection, the headers and one row of cells per
 * comparison row or progress point, in the reader's language (codes written out, see export-labels.ts). The same
 * figures as the API and the console — one unit per column (count, share and the metric's own value apart), empty
 * cells for missing data, never 0 — and nothing about how the file is sent (exports.ts).
 */

const FIGURES = `actual valueUnit count share numerator denominator denominatorBasis unitsWithData unitsInScope coverage partial
  target targetMax targetUnit targetBasis targetComparator targetActual targetIncrement baselineYear baseline baselineSource gap onTrack note`;

export const COMPARE_QUERY = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode unitName unitLevel metric year rank approximate ${FIGURES} } } }`;
export const PROGRESS_QUERY = `query($u: String!, $m: String!, $f: Int!, $t: Int!, $d: Date) { progress(unitCode: $u, metric: $m, fromYear: $f, toYear: $t, asOf: $d) {
  year approximate ${FIGURES} } }`;

/** The figure columns both tables share, after their own leading columns: each header (Vietnamese, English) beside its cell. */
const FIGURE_COLUMNS: readonly [vi: string, en: string, cell: (r: Figures, l: Labels) => Cell][] = [
  ['Giá trị', 'Value', (r) => r.actual],
  ['Đơn vị tính', 'Unit of value', (r, l) => l.valueUnit(r.valueUnit)],
  ['Số lượng', 'Count', (r) => r.count],
  ['Tỷ lệ (%)', 'Share (%)', (r) => r.share],
  ['Tử số', 'Numerator', (r) => r.numerator],
  ['Mẫu số', 'Denominator', (r) => r.denominator],
  ['Cơ sở mẫu số', 'Denominator basis', (r, l) => l.basis(r.denominatorBasis)],
  ['Đơn vị có số liệu', 'Units with data', (r) => r.unitsWithData],
  ['Đơn vị trong phạm vi', 'Units in scope', (r) => r.unitsInScope],
  ['Độ phủ số liệu (%)', 'Coverage (%)', (r) => r.coverage],
  ['Chưa đủ số liệu', 'Partial data', (r, l) => l.yesNo(r.partial)],
  ['Chỉ tiêu', 'Target', (r) => r.target],
  ['Cận trên chỉ tiêu', 'Target upper end', (r) => r.targetMax],
  ['Đơn vị chỉ tiêu', 'Target unit', (r, l) => l.valueUnit(r.targetUnit)],
  ['Mẫu số chỉ tiêu', 'Target denominator basis', (r, l) => l.basis(r.targetBasis)],
  ['Phép so sánh', 'Comparator', (r, l) => l.comparator(r.targetComparator)],
  ['Thực hiện theo chỉ tiêu', "Actual in the target's terms", (r) => r.targetActual],
  ['Mức tăng theo kế hoạch', 'Planned increase', (r) => r.targetIncrement],
  ['Năm mốc', 'Baseline year', (r) => r.baselineYear],
  ['Số liệu mốc', 'Baseline', (r) => r.baseline],
  ['Nguồn mốc', 'Baseline source', (r, l) => l.baselineSource(r.baselineSource)],
  ['Chênh lệch', 'Gap', (r) => r.gap],
  ['Đạt chỉ tiêu', 'On track', (r, l) => l.yesNo(r.onTrack)],
];
const FIGURE_HEADERS: Record<ExportLanguage, string[]> = {
  vi: FIGURE_COLUMNS.map(([vi]) => vi),
  en: FIGURE_COLUMNS.map(([, en]) => en),
};

export const COMPARE_HEADERS: Record<ExportLanguage, string[]> = {
  vi: ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Chỉ số', 'Năm', ...FIGURE_HEADERS.vi, 'Xếp hạng', 'Ước tính', 'Ghi chú'],
  en: ['Unit code', 'Unit', 'Level', 'Metric', 'Year', ...FIGURE_HEADERS.en, 'Rank', 'Approximate', 'Note'],
};
export const PROGRESS_HEADERS: Record<ExportLanguage, string[]> = {
  vi: ['Năm', ...FIGURE_HEADERS.vi, 'Ước tính', 'Ghi chú'],
  en: ['Year', ...FIGURE_HEADERS.en, 'Approximate', 'Note'],
};

type Labels = ReturnType<typeof exportLabels>;

/** The figures FIGURES selects, as the insights API answers them. */
interface Figures {
  actual: number | null;
  valueUnit: string | null;
  count: number | null;
  share: number | null;
  numerator: number | null;
  denominator: number | null;
  denominatorBasis: string | null;
  unitsWithData: number | null;
  unitsInScope: number | null;
  coverage: number | null;
  partial: boolean | null;
  target: number | null;
  targetMax: number | null;
  targetUnit: string | null;
  targetBasis: string | null;
  targetComparator: string | null;
  targetActual: number | null;
  targetIncrement: number | null;
  baselineYear: number | null;
  baseline: number | null;
  baselineSource: string | null;
  gap: number | null;
  onTrack: boolean | null;
  note: string | null;
}

/** COMPARE_QUERY's answer. */
export interface CompareData {
  compare: {
    rows: (Figures & {
      unitCode: string;
      unitName: string;
      unitLevel: string;
      metric: string;
      year: number;
      rank: number | null;
      approximate: boolean;
    })[];
  };
}

/** PROGRESS_QUERY's answer. */
export interface ProgressData {
  progress: (Figures & { year: number; approximate: boolean })[];
}

/** The shared figure cells of a comparison row or progress point. */
const figureCells = (r: Figures, l: Labels): Cell[] => FIGURE_COLUMNS.map(([, , cell]) => cell(r, l));

export function compareRows(data: CompareData, lang: ExportLanguage): Cell[][] {
  const l = exportLabels(lang);
  return [
    COMPARE_HEADERS[lang],
    ...data.compare.rows.map((r) => [
      r.unitCode,
      r.unitName,
      l.level(r.unitLevel),
      l.metric(r.metric),
      r.year,
      ...figureCells(r, l),
      r.rank,
      l.yesNo(r.approximate),
      l.note(r.note),
    ]),
  ];
}

export function progressRows(data: ProgressData, lang: ExportLanguage): Cell[][] {
  const l = exportLabels(lang);
  return [PROGRESS_HEADERS[lang], ...data.progress.map((p) => [p.year, ...figureCells(p, l), l.yesNo(p.approximate), l.note(p.note)])];
}
