import { useEffect, useState } from 'react';
import { useLocaleState } from 'react-admin';
import { insightMetrics, type InsightMetric } from '../dataProvider/insights';

/**
 * The metrics the insights subgraph computes, with the name in the current language. Until the names arrive a
 * metric reads "…", never its code (a reader would see COMMUNES_NTM flash by); a code the API does not know stays as is.
 */
export function useInsightMetrics() {
  const [metrics, setMetrics] = useState<InsightMetric[] | undefined>(undefined);
  const [locale] = useLocaleState();
  useEffect(() => { insightMetrics().then(setMetrics, () => setMetrics([])); }, []);
  const label = (code: string) => {
    if (!metrics) return '…';
    const m = metrics.find((x) => x.code === code);
    return m ? (locale === 'en' ? m.nameEn : m.name) : code;
  };
  return { metrics: metrics ?? [], label };
}

/** A value with its unit: "81,5 %" for shares. */
export const withUnit = (format: (n: number | null | undefined) => string, value: number | null | undefined, valueUnit: string) =>
  value == null ? '—' : `${format(value)}${valueUnit === 'PERCENT' ? ' %' : ''}`;
