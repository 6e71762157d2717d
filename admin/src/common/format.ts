import { useLocaleState } from 'react-admin';

/** Numbers and dates as the reader expects them: vi-VN (1.234,5; dd/mm/yyyy) in Vietnamese, en-GB in English. */
export function formatters(locale: string): Formatters {
  let made = byLocale.get(locale);
  if (!made) byLocale.set(locale, (made = makeFormatters(locale)));
  return made;
}

export type Formatters = ReturnType<typeof makeFormatters>;

/**
 * One set per language, made once: an Intl formatter takes a while to build, and tables format every cell on every
 * render (building five per call was the console's largest cost of its own in a profile of every page).
 */
const byLocale = new Map<string, Formatters>();

function makeFormatters(locale: string) {
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const vnd = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const localDate = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hour12: false });
  return {
    number: (value: number | null | undefined) => (value == null || Number.isNaN(value) ? '' : number.format(value)),
    vnd: (value: number | null | undefined) => (value == null ? '' : `${vnd.format(value)} ₫`),
    /** `YYYY-MM-DD` (a GraphQL Date) or an ISO timestamp. */
    date: (value: string | null | undefined) => (value ? date.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : ''),
    /** dd/mm/yyyy hh:mm in both languages (vi-VN alone would put the time first). */
    dateTime: (value: string | null | undefined) => (value ? `${localDate.format(new Date(value))} ${time.format(new Date(value))}` : ''),
    /** Text from the API with its ISO dates (2025-06-30) written as the reader writes dates. */
    isoDates: (text: string) => text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => date.format(new Date(`${iso}T00:00:00Z`))),
    /** Parses a number typed either way ("1.234,5" in Vietnamese, "1,234.5" in English). */
    parse: (text: string): number | null => {
      const trimmed = text.trim();
      if (!trimmed) return null;
      const normalised = locale === 'en' ? trimmed.replace(/,/g, '') : trimmed.replace(/\./g, '').replace(',', '.');
      const value = Number(normalised);
      return Number.isFinite(value) ? value : Number.NaN;
    },
  };
}

export function useFormat() {
  const [locale] = useLocaleState();
  return formatters(locale);
}

/** Today as `YYYY-MM-DD`. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The parts present, joined by " · ": a record's line in a list, a document's reference. */
export const dotted = (...parts: unknown[]): string => parts.filter(Boolean).join(' · ');
