import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import englishMessages from 'ra-language-english';
import { useState, type FormEvent } from 'react';
import { raVietnamese } from '../i18n/ra-vi';

/** The few words of the sign-in page, in both languages: react-admin's own, plus the page's heading. */
const TEXT = {
  vi: { ...raVietnamese.ra.auth, heading: 'Nông thôn mới — Bảng điều khiển', intro: 'Đăng nhập bằng tài khoản đơn vị cấp cho bạn.' },
  en: { ...englishMessages.ra.auth, heading: 'New Rural Development — Console', intro: 'Sign in with the account your unit gave you.' },
};

interface Props {
  locale: 'vi' | 'en';
  onLocale: (locale: 'vi' | 'en') => void;
  /** Signs in; a rejection's message (already in the reader's language) is shown above the form. */
  onSubmit: (username: string, password: string) => Promise<unknown>;
  /** Called once the user starts typing: a chance to fetch the console's code while they do. */
  onFirstInput?: () => void;
}

/**
 * The sign-in form, built from MUI alone so that it is the first thing a browser can draw: the console itself
 * (react-admin, its pages and charts) arrives after it. Used both as the start page and as react-admin's login page.
 */
export function SignInForm({ locale, onLocale, onSubmit, onFirstInput }: Props) {
  const text = TEXT[locale];
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
    } catch (failure) {
      setError((failure as Error).message || text.sign_in_error);
      setBusy(false);
    }
  };
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.100', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 380 }}>
        <CardContent>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={locale}
              onChange={(_e, value) => value && onLocale(value)}
              aria-label="Ngôn ngữ — Language"
            >
              <ToggleButton value="vi" lang="vi">
                Tiếng Việt
              </ToggleButton>
              <ToggleButton value="en" lang="en">
                English
              </ToggleButton>
            </ToggleButtonGroup>
          </Box>
          <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
            NTM Hub
          </Typography>
          <Typography variant="subtitle1" color="text.secondary">
            {text.heading}
          </Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {text.intro}
          </Typography>
          <Box component="form" onSubmit={submit} onInput={onFirstInput} sx={{ mt: 2, display: 'grid', gap: 2 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField name="username" label={text.username} autoComplete="username" autoFocus required fullWidth />
            <TextField name="password" type="password" label={text.password} autoComplete="current-password" required fullWidth />
            <Button
              type="submit"
              variant="contained"
              disabled={busy}
              startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
            >
              {text.sign_in}
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
