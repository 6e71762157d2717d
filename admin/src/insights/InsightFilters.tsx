import { Button, Chip, FormControl, InputLabel, MenuItem, OutlinedInput, Select, Stack, TextField } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { AsOfHelp } from '../common/AsOfHelp';
import { SelectField } from '../common/SelectField';
import { YearField } from '../common/YearField';
import { exportUrl } from './exportUrl';
import { useInsightMetrics } from './useInsightMetrics';

/** What the filter bar edits beside the page's own fields: the years (as typed) and the day codes are read on. */
type Draft = { asOf: string } & Record<string, string | string[]>;

interface Props<D extends Draft> {
  /** The query being edited; applied only when Run is pressed. */
  draft: D;
  onChange: (draft: D) => void;
  /** The year fields, in order: the draft's field and its label (an i18n key). */
  years: { field: keyof D & string; label: string }[];
  onRun: () => void;
  canRun: boolean;
  runTestId?: string;
  /** What stands after Run on the same line (the progress page's downloads). */
  after?: ReactNode;
  /** The page's own fields (unit, scope, metrics), first on the line. */
  children: ReactNode;
}

/** The filter bar of the insights pages: the page's fields, its years, the as-of date with its help, then Run. */
export function InsightFilters<D extends Draft>({ draft, onChange, years, onRun, canRun, runTestId, after, children }: Props<D>) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
      {children}
      {years.map(({ field, label }) => (
        <YearField key={field} label={label} value={draft[field] as string} onChange={(year) => onChange({ ...draft, [field]: year })} />
      ))}
      <Stack direction="row" spacing={0.5} alignItems="center">
        <TextField
          size="small"
          fullWidth={false}
          type="date"
          label={translate('app.asOf')}
          value={draft.asOf}
          onChange={(e) => onChange({ ...draft, asOf: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <AsOfHelp />
      </Stack>
      <Button variant="contained" onClick={onRun} disabled={!canRun} data-testid={runTestId}>
        {translate('insights.compare.run')}
      </Button>
      {after}
    </Stack>
  );
}

/** The hub's CSV and XLSX downloads of what the page shows, in the reader's language. */
export function ExportButtons({ name, params }: { name: 'compare' | 'progress'; params: Parameters<typeof exportUrl>[2] }) {
  return (['csv', 'xlsx'] as const).map((format) => (
    <Button key={format} startIcon={<DownloadIcon />} href={exportUrl(name, format, params)} data-testid={`export-${format}`}>
      {format.toUpperCase()}
    </Button>
  ));
}

/** The metric of the progress page, named in the reader's language (empty until the names arrive: MUI warns of a value it has no option for). */
export function MetricSelect({ value, onChange }: { value: string; onChange: (metric: string) => void }) {
  const translate = useTranslate();
  const { metrics, label } = useInsightMetrics();
  return (
    <SelectField
      label={translate('insights.metric')}
      value={metrics.length ? value : ''}
      choices={metrics.map((m) => ({ id: m.code, name: label(m.code) }))}
      onChange={onChange}
      sx={{ minWidth: { xs: '100%', sm: 320 } }}
    />
  );
}

/** The metrics of the comparison, shown as chips once chosen. */
export function MetricsSelect({ value, onChange }: { value: string[]; onChange: (metrics: string[]) => void }) {
  const translate = useTranslate();
  const { metrics, label } = useInsightMetrics();
  return (
    <FormControl size="small" fullWidth={false} sx={{ minWidth: { xs: '100%', sm: 360 }, maxWidth: 640 }}>
      <InputLabel id="metrics">{translate('insights.metrics')}</InputLabel>
      <Select
        labelId="metrics"
        multiple
        value={value}
        onChange={(e) => onChange(e.target.value as string[])}
        input={<OutlinedInput label={translate('insights.metrics')} />}
        renderValue={(v) => (
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }} useFlexGap>
            {v.map((code) => (
              <Chip key={code} size="small" label={label(code)} />
            ))}
          </Stack>
        )}
      >
        {metrics.map((m) => (
          <MenuItem key={m.code} value={m.code}>
            {label(m.code)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
