import { useLocaleState, useLogin } from 'react-admin';
import { SignInForm } from './SignInForm';

/** react-admin's login page (after signing out or when the session expires): the same form as the start page. */
export function LoginPage() {
  const login = useLogin();
  const [locale, setLocale] = useLocaleState();
  return (
    <SignInForm
      locale={locale === 'en' ? 'en' : 'vi'}
      onLocale={setLocale}
      onSubmit={(username, password) => login({ username, password })}
    />
  );
}
