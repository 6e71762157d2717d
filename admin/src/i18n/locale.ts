/** The language chosen in the console, read by code outside React (API error messages, formatting). */
let locale = (() => {
  try {
    return JSON.parse(localStorage.getItem('RaStore.locale') ?? '"vi"') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
})();

export const currentLocale = (): 'vi' | 'en' => locale as 'vi' | 'en';
export const setCurrentLocale = (value: string) => {
  locale = value === 'en' ? 'en' : 'vi';
  document.documentElement.lang = locale;
};
