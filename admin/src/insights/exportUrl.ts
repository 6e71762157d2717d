import { currentLocale } from '../i18n/locale';

/** The hub's download of the same table (`/exports/<name>.<csv|xlsx>`), labelled in the console's language. */
export function exportUrl(
  name: 'compare' | 'progress',
  format: 'csv' | 'xlsx',
  params: Record<string, string | number | string[] | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  query.set('lang', currentLocale());
  return `${window.location.origin}/exports/${name}.${format}?${query}`;
}
