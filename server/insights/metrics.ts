import { badInput } from '../shared/errors.js';

/** A summary row: the measures of one unit and year (the migrations' MEASURES). */
export interface Summary {
  communes: number;
  villages: number;
  assessed: number;
  criteria_met: number;
  under_15: number;
  ntm: number;
  advanced: number;
  model: number;
  model_villages: number;
  ntm_villages: number;
  villages_assessed: number;
  village_criteria_met: number;
  communes_with_data: number;
  villages_with_data: number;
  approximate_communes: number;
}

export const EMPTY_SUMMARY: Summary = {
  communes: 0,
  villages: 0,
  assessed: 0,
  criteria_met: 0,
  under_15: 0,
  ntm: 0,
  advanced: 0,
  model: 0,
  model_villages: 0,
  ntm_villages: 0,
  villages_assessed: 0,
  village_criteria_met: 0,
  communes_with_data: 0,
  villages_with_data: 0,
  approximate_communes: 0,
};

export type ValueUnit = 'COUNT' | 'PERCENT' | 'METRIC';
export type DenominatorBasis =
  'ALL_COMMUNES' | 'NTM_COMMUNES' | 'ADVANCED_COMMUNES' | 'ASSESSED_COMMUNES' | 'ALL_VILLAGES' | 'ASSESSED_VILLAGES';

/**
 * Which units must have data for a metric's figure to exist: communes with an assessment or a recognition (the
 * recognition tiers), assessed communes (criteria counts), villages with a village assessment or recognition (the
 * village tiers), assessed villages (village criteria counts).
 */
export type CoverageBasis = 'RECORDED_COMMUNES' | 'ASSESSED_COMMUNES' | 'RECORDED_VILLAGES' | 'ASSESSED_VILLAGES';

/** How a metric is computed from the summaries and how it rolls up the hierarchy. */
export interface MetricDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  /** SUM: counts add up the hierarchy; MEAN_WEIGHTED: sum of values over sum of weights. */
  aggregation: 'SUM' | 'MEAN_WEIGHTED';
  /** What `actual` is in: one unit per metric, whatever a target says (a count metric's share is in PERCENT). */
  defaultUnit: ValueUnit;
  /** Which way is better (for ranks). */
  better: 'HIGHER' | 'LOWER';
  numerator: (s: Summary) => number;
  /** The default denominator: what a share is taken of, or what an average is weighted by. */
  basis: DenominatorBasis;
  /** Whether the numerator counts units (so a count and a share exist), rather than summing values to average. */
  counts: boolean;
  coverage: CoverageBasis;
}

const denominators: Record<DenominatorBasis, (s: Summary) => number> = {
  ALL_COMMUNES: (s) => s.communes,
  NTM_COMMUNES: (s) => s.ntm,
  ADVANCED_COMMUNES: (s) => s.advanced,
  ASSESSED_COMMUNES: (s) => s.assessed,
  ALL_VILLAGES: (s) => s.villages,
  ASSESSED_VILLAGES: (s) => s.villages_assessed,
};

export const denominatorOf = (basis: DenominatorBasis, s: Summary): number => denominators[basis](s);

/** Units with data, and units in scope, for a coverage basis. */
const COVERAGE: Record<CoverageBasis, (s: Summary) => { withData: number; inScope: number; unitVi: string; unitEn: string }> = {
  RECORDED_COMMUNES: (s) => ({ withData: s.communes_with_data, inScope: s.communes, unitVi: 'xã', unitEn: 'communes' }),
  ASSESSED_COMMUNES: (s) => ({ withData: s.assessed, inScope: s.communes, unitVi: 'xã', unitEn: 'communes' }),
  RECORDED_VILLAGES: (s) => ({ withData: s.villages_with_data, inScope: s.villages, unitVi: 'thôn', unitEn: 'villages' }),
  ASSESSED_VILLAGES: (s) => ({ withData: s.villages_assessed, inScope: s.villages, unitVi: 'thôn', unitEn: 'villages' }),
};

export const coverageOf = (metric: MetricDefinition, s: Summary) => COVERAGE[metric.coverage](s);

/** A count of units that reach something, shown by default as a share of `basis`; more is better. */
const unitCount = (
  code: string,
  nameVi: string,
  nameEn: string,
  numerator: MetricDefinition['numerator'],
  basis: DenominatorBasis,
  coverage: CoverageBasis,
): MetricDefinition => ({
  code,
  nameVi,
  nameEn,
  aggregation: 'SUM',
  defaultUnit: 'PERCENT',
  better: 'HIGHER',
  numerator,
  basis,
  counts: true,
  coverage,
});

/** Criteria met on average per assessed unit (weighted by the assessed units); more is better. */
const averagePerAssessed = (
  code: string,
  nameVi: string,
  nameEn: string,
  numerator: MetricDefinition['numerator'],
  assessed: 'ASSESSED_COMMUNES' | 'ASSESSED_VILLAGES',
): MetricDefinition => ({
  code,
  nameVi,
  nameEn,
  aggregation: 'MEAN_WEIGHTED',
  defaultUnit: 'METRIC',
  better: 'HIGHER',
  numerator,
  basis: assessed,
  counts: false,
  coverage: assessed,
});

export const METRICS: readonly MetricDefinition[] = [
  unitCount(
    'COMMUNES_NTM',
    'Xã đạt chuẩn nông thôn mới',
    'Communes meeting the NTM standard (advanced and model included)',
    (s) => s.ntm,
    'ALL_COMMUNES',
    'RECORDED_COMMUNES',
  ),
  unitCount(
    'COMMUNES_ADVANCED',
    'Xã đạt chuẩn nông thôn mới nâng cao',
    'Communes meeting the advanced standard (model included)',
    (s) => s.advanced,
    'ALL_COMMUNES',
    'RECORDED_COMMUNES',
  ),
  unitCount(
    'COMMUNES_MODEL',
    'Xã đạt chuẩn nông thôn mới kiểu mẫu',
    'Communes meeting the model standard',
    (s) => s.model,
    'ALL_COMMUNES',
    'RECORDED_COMMUNES',
  ),
  averagePerAssessed(
    'AVG_CRITERIA_MET',
    'Bình quân số tiêu chí đạt trên 01 xã',
    'Average criteria met per assessed commune',
    (s) => s.criteria_met,
    'ASSESSED_COMMUNES',
  ),
  // Fewer is better, and the figure is a count by default.
  {
    ...unitCount(
      'COMMUNES_UNDER_15',
      'Xã đạt dưới 15 tiêu chí',
      'Assessed communes meeting fewer than 15 criteria',
      (s) => s.under_15,
      'ASSESSED_COMMUNES',
      'ASSESSED_COMMUNES',
    ),
    defaultUnit: 'COUNT',
    better: 'LOWER',
  },
  unitCount(
    'VILLAGES_MODEL',
    'Thôn đạt chuẩn khu dân cư kiểu mẫu',
    'Villages recognised as model villages',
    (s) => s.model_villages,
    'ALL_VILLAGES',
    'RECORDED_VILLAGES',
  ),
  unitCount(
    'VILLAGES_NTM',
    'Thôn đạt chuẩn nông thôn mới',
    'Villages recognised at the new-rural village standard (model villages included)',
    (s) => s.ntm_villages,
    'ALL_VILLAGES',
    'RECORDED_VILLAGES',
  ),
  averagePerAssessed(
    'AVG_VILLAGE_CRITERIA_MET',
    'Bình quân số tiêu chí đạt trên 01 thôn được đánh giá',
    'Average village criteria met per assessed village',
    (s) => s.village_criteria_met,
    'ASSESSED_VILLAGES',
  ),
];

const BY_CODE = new Map(METRICS.map((m) => [m.code, m]));

export function requireMetrics(codes: readonly string[]): MetricDefinition[] {
  if (!codes.length) throw badInput('Cần ít nhất một chỉ số', 'Give at least one metric', 'metrics');
  return [...new Set(codes)].map((code) => {
    const metric = BY_CODE.get(code);
    if (!metric) {
      throw badInput(
        `Chỉ số không tính được: ${code}`,
        `Unknown or non-computable metric "${code}" (one of ${METRICS.map((m) => m.code).join(', ')})`,
        'metrics',
      );
    }
    return metric;
  });
}

export const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The metric's value for a summary in a unit: a count, a share (%) of `basis`, or the mean weighted by `basis`;
 * null when the denominator is 0.
 */
export function valueOf(
  metric: MetricDefinition,
  s: Summary,
  unit: ValueUnit,
  basis: DenominatorBasis = metric.basis,
): { value: number | null; numerator: number; denominator: number } {
  const numerator = metric.numerator(s);
  const denominator = denominatorOf(basis, s);
  if (unit === 'COUNT') return { value: numerator, numerator, denominator };
  if (!denominator) return { value: null, numerator, denominator };
  return { value: round2(unit === 'PERCENT' ? (100 * numerator) / denominator : numerator / denominator), numerator, denominator };
}
