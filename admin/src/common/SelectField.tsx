import { FormControl, InputLabel, MenuItem, Select, type SxProps, type Theme } from '@mui/material';
import { useId, type ReactNode } from 'react';

/**
 * A select on a page's own filter bar (outside react-admin's forms): its label, and the choices by name (already in
 * the reader's language). `wrap` lets long names (a criteria set's) wrap in the menu.
 */
export function SelectField({
  label,
  value,
  choices,
  onChange,
  sx,
  testId,
  wrap,
}: {
  label: string;
  value: string;
  choices: { id: string; name: ReactNode }[];
  onChange: (value: string) => void;
  sx?: SxProps<Theme>;
  testId?: string;
  wrap?: boolean;
}) {
  const id = useId();
  return (
    <FormControl size="small" fullWidth={false} sx={sx}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select labelId={id} label={label} value={value} onChange={(e) => onChange(String(e.target.value))} data-testid={testId}>
        {choices.map((c) => (
          <MenuItem key={c.id} value={c.id} sx={wrap ? { whiteSpace: 'normal' } : undefined}>
            {c.name}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
