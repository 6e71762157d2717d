import { METRICS } from './metrics.js';

/**
 * What the exported files say instead of the API's codes, in the reader's language (`?lang=en`, Vietnamese by
 * default): a spreadsheet is read by people, so levels, metrics, units of value, denominators, comparators and
 * baseline sources are written out, and the API's "Tiếng Việt — English" notes keep the reader's half.
 */
export type ExportLanguage = 'vi' | 'en';

/** Comparators are written as signs, the same in both languages. */
const COMPARATOR_SIGNS = { GTE: '≥', GT: '>', EQ: '=', LTE: '≤', LT: '<' };

const WORDS: Record<ExportLanguage, Record<string, Record<string, string>>> = {
  vi: {
    level: { NATION: 'Quốc gia', PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', VILLAGE: 'Thôn' },
    valueUnit: { COUNT: 'số lượng', PERCENT: '%', METRIC: 'giá trị chỉ số', NONE: '' },
    basis: {
      ALL_COMMUNES: 'tất cả các xã',
      NTM_COMMUNES: 'các xã đạt chuẩn nông thôn mới',
      ADVANCED_COMMUNES: 'các xã đạt chuẩn nâng cao',
      ASSESSED_COMMUNES: 'các xã đã đánh giá',
      ALL_VILLAGES: 'tất cả các thôn',
      ASSESSED_VILLAGES: 'các thôn đã đánh giá',
    },
    comparator: COMPARATOR_SIGNS,
    baselineSource: { PLAN_STATED: 'kế hoạch nêu', PLAN_IMPLIED: 'suy ra từ chỉ tiêu cuối kỳ của kế hoạch', NONE: 'kế hoạch không nêu' },
    yesNo: { true: 'Có', false: 'Không' },
  },
  en: {
    level: { NATION: 'Nation', PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune', VILLAGE: 'Village' },
    valueUnit: { COUNT: 'count', PERCENT: '%', METRIC: 'metric value', NONE: '' },
    basis: {
      ALL_COMMUNES: 'all communes',
      NTM_COMMUNES: 'NTM communes',
      ADVANCED_COMMUNES: 'advanced communes',
      ASSESSED_COMMUNES: 'assessed communes',
      ALL_VILLAGES: 'all villages',
      ASSESSED_VILLAGES: 'assessed villages',
    },
    comparator: COMPARATOR_SIGNS,
    baselineSource: { PLAN_STATED: 'stated by the plan', PLAN_IMPLIED: "implied by the plan's end target", NONE: 'none in the plan' },
    yesNo: { true: 'Yes', false: 'No' },
  },
};

export const exportLanguage = (value: unknown): ExportLanguage => (value === 'en' ? 'en' : 'vi');

/** Labels for one language; an unknown code is kept as it is rather than dropped. */
export function exportLabels(lang: ExportLanguage) {
  const word = (kind: string) => (code: string | null | undefined) => (code == null ? null : (WORDS[lang][kind][code] ?? code));
  return {
    level: word('level'),
    valueUnit: word('valueUnit'),
    basis: word('basis'),
    comparator: word('comparator'),
    baselineSource: word('baselineSource'),
    yesNo: (value: boolean | null | undefined) => (value == null ? null : WORDS[lang].yesNo[String(value)]),
    metric: (code: string) => {
      const metric = METRICS.find((m) => m.code === code);
      return metric ? (lang === 'en' ? metric.nameEn : metric.nameVi) : code;
    },
    /**
     * The API writes each note "Tiếng Việt — English." and joins several with a space: the reader's half of each
     * (an English half ends at its first ". "); a note of another shape is kept whole rather than cut wrong.
     */
    note: (text: string | null | undefined) => {
      if (!text) return null;
      const parts = text.split(' — ');
      if (parts.length < 2) return text;
      const vi = [parts[0]];
      const en: string[] = [];
      for (const middle of parts.slice(1, -1)) {
        const end = middle.indexOf('. ');
        if (end < 0) return text;
        en.push(middle.slice(0, end + 1));
        vi.push(middle.slice(end + 2));
      }
      en.push(parts[parts.length - 1]);
      return lang === 'en' ? en.join(' ') : `${vi.join('. ')}.`;
    },
  };
}
