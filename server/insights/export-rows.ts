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

/** The figure columns both tables share, after their own leading columns. */
const FIGURE_HEADERS: Record<ExportLanguage, string[]> = {
  vi: [
    'Giá trị',
    'Đơn vị tính',
    'Số lượng',
    'Tỷ lệ (%)',
    'Tử số',
    'Mẫu số',
    'Cơ sở mẫu số',
    'Đơn vị có số liệu',
    'Đơn vị trong phạm vi',
    'Độ phủ số liệu (%)',
    'Chưa đủ số liệu',
    'Chỉ tiêu',
    'Cận trên chỉ tiêu',
    'Đơn vị chỉ tiêu',
    'Mẫu số chỉ tiêu',
    'Phép so sánh',
    'Thực hiện theo chỉ tiêu',
    'Mức tăng theo kế hoạch',
    'Năm mốc',
    'Số liệu mốc',
    'Nguồn mốc',
    'Chênh lệch',
    'Đạt chỉ tiêu',
  ],
  en: [
    'Value',
    'Unit of value',
    'Count',
    'Share (%)',
    'Numerator',
    'Denominator',
    'Denominator basis',
    'Units with data',
    'Units in scope',
    'Coverage (%)',
    'Partial data',
    'Target',
    'Target upper end',
    'Target unit',
    'Target denominator basis',
    'Comparator',
    "Actual in the target's terms",
    'Planned increase',
    'Baseline year',
    'Baseline',
    'Baseline source',
    'Gap',
    'On track',
  ],
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

/** The shared figure cells of a comparison row or progress point, in FIGURE_HEADERS order. */
const figureCells = (r: Figures, l: Labels): Cell[] => [
  r.actual,
  l.valueUnit(r.valueUnit),
  r.count,
  r.share,
  r.numerator,
  r.denominator,
  l.basis(r.denominatorBasis),
  r.unitsWithData,
  r.unitsInScope,
  r.coverage,
  l.yesNo(r.partial),
  r.target,
  r.targetMax,
  l.valueUnit(r.targetUnit),
  l.basis(r.targetBasis),
  l.comparator(r.targetComparator),
  r.targetActual,
  r.targetIncrement,
  r.baselineYear,
  r.baseline,
  l.baselineSource(r.baselineSource),
  r.gap,
  l.yesNo(r.onTrack),
];

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
