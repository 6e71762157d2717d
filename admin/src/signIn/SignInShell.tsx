import { createTheme, CssBaseline, ThemeProvider } from '@mui/material';
import { defaultTheme } from 'react-admin';
import { useState } from 'react';
import { signIn } from '../authProvider';
import { currentLocale, rememberLocale } from '../i18n/locale';
import { SignInForm } from './SignInForm';

const theme = createTheme(defaultTheme);

/**
 * The start page of a signed-out visitor: the sign-in form alone. Once signed in, `onSignedIn` brings up the
 * console (its code is fetched as soon as the user starts typing).
 */
export function SignInShell({ onSignedIn, preload }: { onSignedIn: () => void; preload: () => void }) {
  const [locale, setLocale] = useState(currentLocale());
  const changeLocale = (next: 'vi' | 'en') => {
    rememberLocale(next);
    setLocale(next);
  };
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SignInForm
        locale={locale}
        onLocale={changeLocale}
        onFirstInput={preload}
        onSubmit={async (username, password) => {
          await signIn(username, password);
          if (window.location.hash.startsWith('#/login')) window.location.hash = '#/';
          onSignedIn();
        }}
      />
    </ThemeProvider>
  );
}
