import { useQuery } from '@tanstack/react-query';
import { useLocaleState } from 'react-admin';
import { useHub } from '../common/useHub';

/**
 * The metrics the insights subgraph computes, with the name in the current language. Until the names arrive a
 * metric reads "…", never its code (a reader would see COMMUNES_NTM flash by); a code the API does not know stays as is.
 */
export function useInsightMetrics() {
  const hub = useHub();
  const { data: metrics, isError } = useQuery({ queryKey: ['insightMetrics'], queryFn: () => hub.insightMetrics(), staleTime: Infinity });
  const [locale] = useLocaleState();
  const label = (code: string) => {
    if (!metrics) return isError ? code : '…';
    const m = metrics.find((x) => x.code === code);
    return m ? (locale === 'en' ? m.nameEn : m.name) : code;
  };
  return { metrics: metrics ?? [], label };
}

/** A value with its unit: "81,5 %" for shares. */
export const withUnit = (format: (n: number | null | undefined) => string, value: number | null | undefined, valueUnit: string) =>
  value == null ? '—' : `${format(value)}${valueUnit === 'PERCENT' ? ' %' : ''}`;
