import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { setCurrentLocale } from './locale';
import { vi } from './vi';

/** Vietnamese by default, English switchable from the app bar. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => {
    setCurrentLocale(locale);
    return locale === 'en' ? en : vi;
  },
  'vi',
  [
    { locale: 'vi', name: 'Tiếng Việt' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
