import { useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useFormat } from '../common/format';
import { useHub } from '../common/useHub';
import { useInsightMetrics } from './useInsightMetrics';

/** What the comparison and progress pages share: the data provider, messages, formatting, metric names and the URL's query (the page's state). */
export function useInsightPage() {
  const [params, setParams] = useSearchParams();
  return { hub: useHub(), translate: useTranslate(), notify: useNotify(), format: useFormat(), ...useInsightMetrics(), params, setParams };
}
