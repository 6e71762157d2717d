import { gql } from './client';
import { COMPARE, INSIGHT_METRICS, PROGRESS } from './documents/insights';

export interface InsightMetric {
  code: string;
  name: string;
  nameEn: string;
  defaultUnit: string;
  better: string;
}
/** The figure fields a comparison row, a progress point and a class target share (one unit per column; null = no data). */
export interface Figures {
  actual: number | null;
  valueUnit: string;
  count: number | null;
  share: number | null;
  numerator: number;
  denominator: number;
  unitsWithData: number;
  unitsInScope: number;
  coverage: number | null;
  partial: boolean;
  target: number | null;
  targetMax: number | null;
  targetUnit: string | null;
  targetComparator: string | null;
  targetActual: number | null;
  gap: number | null;
  onTrack: boolean | null;
  note: string | null;
}
export interface ComparisonRow extends Figures {
  unitCode: string;
  unitName: string;
  unitLevel: string;
  metric: string;
  year: number;
  rank: number | null;
  approximate: boolean;
  classTargets: ClassTarget[];
}
/** A target on the unit restricted to a class of its communes, measured over the communes so classified. */
export interface ClassTarget {
  unitClass: string;
  communes: number;
  actual: number | null;
  valueUnit: string;
  target: number | null;
  targetComparator: string | null;
  gap: number | null;
  onTrack: boolean | null;
  note: string | null;
}
export interface CompareInput {
  unitCodes?: string[];
  childrenOf?: string;
  level?: string;
  metrics: string[];
  year: number;
  asOf?: string;
  offset?: number;
  limit?: number;
}
export interface ProgressPoint extends Figures {
  year: number;
  approximate: boolean;
  classTargets: ClassTarget[];
}

export type Comparison = { rows: ComparisonRow[]; notes: string[]; asOf: string; unitCount: number };

/** The data provider's insights methods (insights subgraph). */
export const insightMethods = {
  async insightMetrics(): Promise<InsightMetric[]> {
    return (await gql<{ insightMetrics: InsightMetric[] }>(INSIGHT_METRICS)).insightMetrics;
  },
  /** One row per unit and metric: actual, target, gap and rank among the units compared. */
  async compare(input: CompareInput): Promise<Comparison> {
    return (await gql<{ compare: Comparison }>(COMPARE, { input })).compare;
  },
  async progress(unitCode: string, metric: string, fromYear: number, toYear: number, asOf?: string): Promise<ProgressPoint[]> {
    return (await gql<{ progress: ProgressPoint[] }>(PROGRESS, { unitCode, metric, fromYear, toYear, asOf: asOf || null })).progress;
  },
};
