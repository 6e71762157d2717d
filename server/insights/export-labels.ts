import { METRICS } from './metrics.js';

/**
 * What the exported files say instead of the API's codes, in the reader's language (`?lang=en`, Vietnamese by
 * default): a spreadsheet is read by people, so levels, metrics, units of value, denominators and comparators are
 * written out, and the API's "Tiếng Việt — English" notes keep the reader's half.
 */
export type ExportLanguage = 'vi' | 'en';

const WORDS: Record<ExportLanguage, Record<string, Record<string, string>>> = {
  vi: {
    level: { NATION: 'Quốc gia', PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', VILLAGE: 'Thôn' },
    valueUnit: { COUNT: 'số lượng', PERCENT: '%', METRIC: 'giá trị chỉ số', NONE: '' },
    basis: { ALL_COMMUNES: 'tất cả các xã', NTM_COMMUNES: 'các xã đạt chuẩn nông thôn mới', ADVANCED_COMMUNES: 'các xã đạt chuẩn nâng cao', ASSESSED_COMMUNES: 'các xã đã đánh giá', ALL_VILLAGES: 'tất cả các thôn' },
    comparator: { GTE: '≥', GT: '>', EQ: '=', LTE: '≤', LT: '<' },
    yesNo: { true: 'Có', false: 'Không' },
  },
  en: {
    level: { NATION: 'Nation', PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune', VILLAGE: 'Village' },
    valueUnit: { COUNT: 'count', PERCENT: '%', METRIC: 'metric value', NONE: '' },
    basis: { ALL_COMMUNES: 'all communes', NTM_COMMUNES: 'NTM communes', ADVANCED_COMMUNES: 'advanced communes', ASSESSED_COMMUNES: 'assessed communes', ALL_VILLAGES: 'all villages' },
    comparator: { GTE: '≥', GT: '>', EQ: '=', LTE: '≤', LT: '<' },
    yesNo: { true: 'Yes', false: 'No' },
  },
};

export const COMPARE_HEADERS: Record<ExportLanguage, string[]> = {
  vi: ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Chỉ số', 'Năm', 'Thực hiện', 'Đơn vị tính', 'Tử số', 'Mẫu số', 'Cơ sở mẫu số',
    'Chỉ tiêu', 'Phép so sánh', 'Chênh lệch', 'Đạt chỉ tiêu', 'Xếp hạng', 'Ước tính', 'Ghi chú'],
  en: ['Unit code', 'Unit', 'Level', 'Metric', 'Year', 'Actual', 'Unit of value', 'Numerator', 'Denominator', 'Denominator basis',
    'Target', 'Comparator', 'Gap', 'On track', 'Rank', 'Approximate', 'Note'],
};
export const PROGRESS_HEADERS: Record<ExportLanguage, string[]> = {
  vi: ['Năm', 'Thực hiện', 'Chỉ tiêu', 'Đơn vị tính', 'Tử số', 'Mẫu số', 'Chênh lệch', 'Đạt chỉ tiêu', 'Ước tính', 'Ghi chú'],
  en: ['Year', 'Actual', 'Target', 'Unit of value', 'Numerator', 'Denominator', 'Gap', 'On track', 'Approximate', 'Note'],
};

export const exportLanguage = (value: unknown): ExportLanguage => (value === 'en' ? 'en' : 'vi');

/** Labels for one language; an unknown code is kept as it is rather than dropped. */
export function exportLabels(lang: ExportLanguage) {
  const word = (kind: string) => (code: string | null | undefined) => (code == null ? null : WORDS[lang][kind][code] ?? code);
  return {
    level: word('level'),
    valueUnit: word('valueUnit'),
    basis: word('basis'),
    comparator: word('comparator'),
    yesNo: (value: boolean | null | undefined) => (value == null ? null : WORDS[lang].yesNo[String(value)]),
    metric: (code: string) => {
      const metric = METRICS.find((m) => m.code === code);
      return metric ? (lang === 'en' ? metric.nameEn : metric.nameVi) : code;
    },
    /** The API writes notes "Tiếng Việt — English": the reader's half. */
    note: (text: string | null | undefined) => {
      if (!text) return null;
      const parts = text.split(' — ');
      return parts.length < 2 ? text : lang === 'en' ? parts.slice(1).join(' — ') : parts[0];
    },
  };
}
