import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

interface Props {
  value: string;
  /** The year as typed: a page keeps it as text and reads it only once it is whole. */
  onChange: (year: string) => void;
  /** An i18n key. */
  label?: string;
  width?: number;
  testId?: string;
}

/** A year on a page's own filter bar. */
export function YearField({ value, onChange, label = 'app.year', width = 110, testId }: Props) {
  const translate = useTranslate();
  return (
    <TextField
      size="small"
      fullWidth={false}
      type="number"
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ width }}
      inputProps={testId ? { 'data-testid': testId } : undefined}
    />
  );
}
