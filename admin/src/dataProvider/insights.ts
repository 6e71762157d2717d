import { currentLocale } from '../i18n/locale';
import { gql } from './client';

export interface InsightMetric { code: string; name: string; nameEn: string; defaultUnit: string; better: string }
/** The figure fields a comparison row, a progress point and a class target share (one unit per column; null = no data). */
export interface Figures {
  actual: number | null; valueUnit: string; count: number | null; share: number | null; numerator: number; denominator: number;
  unitsWithData: number; unitsInScope: number; coverage: number | null; partial: boolean;
  target: number | null; targetMax: number | null; targetUnit: string | null; targetComparator: string | null; targetActual: number | null;
  gap: number | null; onTrack: boolean | null; note: string | null;
}
const FIGURES = `actual valueUnit count share numerator denominator unitsWithData unitsInScope coverage partial
  target targetMax targetUnit targetComparator targetActual gap onTrack note`;
export interface ComparisonRow extends Figures {
  unitCode: string; unitName: string; unitLevel: string; metric: string; year: number; rank: number | null; approximate: boolean; classTargets: ClassTarget[];
}
/** A target on the unit restricted to a class of its communes, measured over the communes so classified. */
export interface ClassTarget {
  unitClass: string; communes: number; actual: number | null; valueUnit: string; target: number | null; targetComparator: string | null;
  gap: number | null; onTrack: boolean | null; note: string | null;
}
export interface CompareInput { unitCodes?: string[]; childrenOf?: string; level?: string; metrics: string[]; year: number; asOf?: string; offset?: number; limit?: number }
export interface ProgressPoint extends Figures { year: number; approximate: boolean; classTargets: ClassTarget[] }

export async function insightMetrics(): Promise<InsightMetric[]> {
  return (await gql<{ insightMetrics: InsightMetric[] }>('{ insightMetrics { code name nameEn defaultUnit better } }')).insightMetrics;
}

/** One row per unit and metric: actual, target, gap and rank among the units compared (insights subgraph). */
export async function compare(input: CompareInput): Promise<{ rows: ComparisonRow[]; notes: string[]; asOf: string; unitCount: number }> {
  const { compare } = await gql<{ compare: { rows: ComparisonRow[]; notes: string[]; asOf: string; unitCount: number } }>(
    `query Compare($input: CompareInput!) { compare(input: $input) { asOf notes unitCount rows { unitCode unitName unitLevel metric year rank approximate ${FIGURES}
      classTargets { unitClass communes actual valueUnit target targetComparator gap onTrack note } } } }`,
    { input },
  );
  return compare;
}

export async function progress(unitCode: string, metric: string, fromYear: number, toYear: number, asOf?: string): Promise<ProgressPoint[]> {
  const { progress } = await gql<{ progress: ProgressPoint[] }>(
    `query Progress($unitCode: String!, $metric: String!, $fromYear: Int!, $toYear: Int!, $asOf: Date) { progress(unitCode: $unitCode, metric: $metric, fromYear: $fromYear, toYear: $toYear, asOf: $asOf) { year approximate ${FIGURES}
      classTargets { unitClass communes actual valueUnit target targetComparator gap onTrack note } } }`,
    { unitCode, metric, fromYear, toYear, asOf: asOf || null },
  );
  return progress;
}

/** The hub's download of the same table (`/exports/<name>.<csv|xlsx>`), labelled in the console's language. */
export function exportUrl(name: 'compare' | 'progress', format: 'csv' | 'xlsx', params: Record<string, string | number | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  query.set('lang', currentLocale());
  return `${window.location.origin}/exports/${name}.${format}?${query}`;
}
