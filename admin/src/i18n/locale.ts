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

/** Keeps the language chosen before the console starts where react-admin's store will read it. */
export function rememberLocale(value: 'vi' | 'en') {
  localStorage.setItem('RaStore.locale', JSON.stringify(value));
  setCurrentLocale(value);
}

/** The API writes messages "Vietnamese — English": keep the half of the current language. */
export function localise(message: string): string {
  const parts = message.split(' — ');
  if (parts.length < 2) return message;
  return currentLocale() === 'en' ? parts.slice(1).join(' — ') : parts[0];
}
