import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  InputLabel,
  Link as MuiLink,
  MenuItem,
  OutlinedInput,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { BarChart } from '@mui/x-charts/BarChart';
import { useEffect, useMemo, useState } from 'react';
import { Title } from 'react-admin';
import { referenceDate } from '@domain/calendar';
import { enumChoices } from '../common/enums';
import { AsOfHelp } from '../common/AsOfHelp';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';
import type { ComparisonRow } from '../dataProvider';
import { localise } from '../i18n/locale';
import { exportUrl } from './exportUrl';
import { ClassTargetsTable } from './ClassTargetsTable';
import { ActualCell, CoverageCell, drawn, targetText } from './figures';
import { useInsightPage } from './useInsightPage';
import { TablePager } from '../common/TablePager';

type Scope = 'childrenOf' | 'level' | 'unitCodes';

/** Units per page: the server ranks all of them and sends one page (all communes of the country would be 10,000 rows per metric). */
const UNITS_PER_PAGE = 50;

/** Compare units side by side on metrics for a year: actual, target, gap, rank, a bar chart, drill-down and exports. */
export function ComparePage() {
  const { hub, translate, notify, format, metrics, label, params, setParams } = useInsightPage();
  const scope = (params.get('scope') ?? 'childrenOf') as Scope;
  const scopeValue = params.get('value') ?? '56';
  const metricList = params.get('metrics') ?? 'COMMUNES_NTM,COMMUNES_ADVANCED,AVG_CRITERIA_MET';
  // The same array while the parameter is unchanged: the comparison's input is recomputed only when what it asks changes.
  const selected = useMemo(() => metricList.split(',').filter(Boolean), [metricList]);
  const year = Number(params.get('year') ?? 2025);
  const asOf = params.get('asOf') ?? referenceDate(Math.min(year, 2025));
  const trail = (params.get('trail') ?? '').split(',').filter(Boolean);
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const [rows, setRows] = useState<ComparisonRow[] | null>(null);
  const [unitCount, setUnitCount] = useState(0);
  const [notes, setNotes] = useState<string[]>([]);
  const [draft, setDraft] = useState({ scope, value: scopeValue, metrics: selected, year: String(year), asOf });
  useEffect(() => setDraft({ scope, value: scopeValue, metrics: selected, year: String(year), asOf }), [params]); // eslint-disable-line react-hooks/exhaustive-deps
  // The units the scope names, as the pickers show them (read on the date codes are read on).
  const [picked, setPicked] = useState<PickedUnit[]>([]);
  useEffect(() => {
    if (draft.scope === 'level' || !draft.value) {
      setPicked([]);
      return;
    }
    const codes = draft.value
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (codes.join(',') === picked.map((u) => u.code).join(',')) return;
    Promise.all(codes.map((code) => hub.unitByCode(code, draft.asOf || null))).then(
      (units) => setPicked(units.filter((u): u is PickedUnit => !!u)),
      () => setPicked([]),
    );
  }, [draft.scope, draft.value, draft.asOf]); // eslint-disable-line react-hooks/exhaustive-deps
  const choose = (units: PickedUnit[]) => {
    setPicked(units);
    setDraft({ ...draft, value: units.map((u) => u.code).join(',') });
  };

  const input = useMemo(
    () => ({
      childrenOf: scope === 'childrenOf' ? scopeValue : undefined,
      level: scope === 'level' ? scopeValue : undefined,
      unitCodes:
        scope === 'unitCodes'
          ? scopeValue
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined,
      metrics: selected,
      year,
      asOf: asOf || undefined,
    }),
    [scope, scopeValue, selected, year, asOf],
  );
  const pageInput = useMemo(() => ({ ...input, offset: page * UNITS_PER_PAGE, limit: UNITS_PER_PAGE }), [input, page]);

  useEffect(() => {
    if (!selected.length || !scopeValue) return;
    setRows(null);
    hub.compare(pageInput).then(
      (result) => {
        setRows(result.rows);
        setNotes(result.notes);
        setUnitCount(result.unitCount);
      },
      (error) => {
        notify((error as Error).message, { type: 'error' });
        setRows([]);
      },
    );
  }, [pageInput]); // eslint-disable-line react-hooks/exhaustive-deps

  const apply = (next: Record<string, string>) => setParams(new URLSearchParams(next));
  const goTo = (next: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(next));
    setParams(p);
  };
  const run = () =>
    apply({
      scope: draft.scope,
      value: draft.value.trim(),
      metrics: draft.metrics.join(','),
      year: draft.year,
      asOf: draft.asOf,
      trail: '',
    });
  // The breadcrumb keeps "code:name" of each level above (names, not codes, are what people read).
  const here =
    scope === 'childrenOf'
      ? `${scopeValue}:${params.get('name') ?? picked.find((u) => u.code === scopeValue)?.name ?? scopeValue}`
      : `${scope}:${scopeValue}`;
  const drill = (row: ComparisonRow) =>
    apply({
      scope: 'childrenOf',
      value: row.unitCode,
      name: row.unitName,
      metrics: selected.join(','),
      year: String(year),
      asOf,
      trail: [...trail, here].join(','),
    });
  const back = (index: number) => {
    const [value, name] = trail[index].split(':');
    const levelScope = value === 'level' ? name : null;
    apply({
      scope: levelScope ? 'level' : 'childrenOf',
      value: levelScope ?? value,
      name: levelScope ? '' : name,
      metrics: selected.join(','),
      year: String(year),
      asOf,
      trail: trail.slice(0, index).join(','),
    });
  };
  const crumb = (entry: string) => {
    const [value, name] = entry.split(':');
    return value === 'level' ? translate('insights.compare.allOfLevel', { level: translate(`enums.UnitLevel.${name}`) }) : (name ?? value);
  };

  const units = rows ? [...new Map(rows.map((r) => [r.unitCode, r.unitName])).entries()] : [];
  const cell = (code: string, metric: string) => rows?.find((r) => r.unitCode === code && r.metric === metric);
  const chartMetric = selected[0];
  // One metric's figures on one axis (a metric has one unit of measure); only units with full data are drawn, so a
  // unit without data or with data for part of its communes is named below rather than drawn as if complete.
  const firstMetricRows = units.map(([code, name]) => ({ name, row: cell(code, chartMetric) }));
  const charted = firstMetricRows.filter((r) => r.row && drawn(r.row) !== null);
  const leftOut = firstMetricRows.filter((r) => !r.row || drawn(r.row) === null).map((r) => r.name);
  const chartRows = charted.map((r) => r.row!);
  const chartUnit = chartRows[0]?.valueUnit;
  const exportParams = { metrics: selected, year, asOf, childrenOf: input.childrenOf, level: input.level, unitCodes: input.unitCodes };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('insights.compare.title')} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            <FormControl size="small" fullWidth={false} sx={{ minWidth: 220 }}>
              <InputLabel id="scope">{translate('insights.compare.scope')}</InputLabel>
              <Select
                labelId="scope"
                label={translate('insights.compare.scope')}
                value={draft.scope}
                onChange={(e) =>
                  setDraft({ ...draft, scope: e.target.value as Scope, value: e.target.value === 'level' ? 'PROVINCE' : '' })
                }
              >
                {(['childrenOf', 'level', 'unitCodes'] as const).map((s) => (
                  <MenuItem key={s} value={s}>
                    {translate(`insights.compare.scopes.${s}`)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            {draft.scope === 'level' ? (
              <FormControl size="small" fullWidth={false} sx={{ minWidth: 160 }}>
                <InputLabel id="level">{translate('resources.units.fields.level')}</InputLabel>
                <Select
                  labelId="level"
                  label={translate('resources.units.fields.level')}
                  value={draft.value}
                  onChange={(e) => setDraft({ ...draft, value: String(e.target.value) })}
                >
                  {enumChoices('UnitLevel').map((c) => (
                    <MenuItem key={c.id} value={c.id}>
                      {translate(c.name)}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            ) : draft.scope === 'childrenOf' ? (
              <UnitAutocomplete
                value={picked[0] ?? null}
                onChange={(u) => choose(u ? [u] : [])}
                label={translate('insights.compare.parent')}
                asOf={draft.asOf || null}
                sx={{ minWidth: 280, flex: 1 }}
                testId="compare-parent"
              />
            ) : (
              <Stack spacing={1} sx={{ minWidth: 280, flex: 1 }}>
                <UnitAutocomplete
                  value={null}
                  onChange={(u) => u && !picked.some((p) => p.id === u.id) && choose([...picked, u])}
                  label={translate('insights.compare.addUnit')}
                  asOf={draft.asOf || null}
                  testId="compare-units"
                />
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {picked.map((u) => (
                    <Chip
                      key={u.id}
                      size="small"
                      label={`${u.name} (${u.code})`}
                      onDelete={() => choose(picked.filter((p) => p.id !== u.id))}
                    />
                  ))}
                </Stack>
              </Stack>
            )}
            <FormControl size="small" fullWidth={false} sx={{ minWidth: { xs: '100%', sm: 360 }, maxWidth: 640 }}>
              <InputLabel id="metrics">{translate('insights.metrics')}</InputLabel>
              <Select
                labelId="metrics"
                multiple
                value={draft.metrics}
                onChange={(e) => setDraft({ ...draft, metrics: e.target.value as string[] })}
                input={<OutlinedInput label={translate('insights.metrics')} />}
                renderValue={(v) => (
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }} useFlexGap>
                    {(v as string[]).map((code) => (
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
            <TextField
              size="small"
              fullWidth={false}
              type="number"
              label={translate('app.year')}
              value={draft.year}
              onChange={(e) => setDraft({ ...draft, year: e.target.value })}
              sx={{ width: 110 }}
            />
            <Stack direction="row" spacing={0.5} alignItems="center">
              <TextField
                size="small"
                fullWidth={false}
                type="date"
                label={translate('app.asOf')}
                value={draft.asOf}
                onChange={(e) => setDraft({ ...draft, asOf: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <AsOfHelp />
            </Stack>
            <Button variant="contained" onClick={run} disabled={!draft.metrics.length || !draft.value.trim()} data-testid="compare-run">
              {translate('insights.compare.run')}
            </Button>
          </Stack>
          <Stack direction="row" spacing={2} alignItems="center" useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
            <Breadcrumbs data-testid="compare-breadcrumbs">
              {trail.map((entry, i) => (
                <MuiLink key={i} component="button" onClick={() => back(i)}>
                  {crumb(entry)}
                </MuiLink>
              ))}
              <Typography>{crumb(here)}</Typography>
            </Breadcrumbs>
            <Box sx={{ flex: 1 }} />
            <Button startIcon={<DownloadIcon />} href={exportUrl('compare', 'csv', exportParams)} data-testid="export-csv">
              CSV
            </Button>
            <Button startIcon={<DownloadIcon />} href={exportUrl('compare', 'xlsx', exportParams)} data-testid="export-xlsx">
              XLSX
            </Button>
          </Stack>
          {notes.map((n) => (
            <Alert key={n} severity="info" sx={{ mb: 1 }}>
              {format.isoDates(localise(n))}
            </Alert>
          ))}
          {rows === null ? (
            <Typography>{translate('app.loading')}</Typography>
          ) : (
            <>
              {chartRows.length > 0 && (
                <Box data-testid="compare-chart">
                  <Typography variant="subtitle1">{label(chartMetric)}</Typography>
                  <BarChart
                    height={300}
                    xAxis={[{ scaleType: 'band', data: charted.map((r) => r.name), tickLabelStyle: { fontSize: 10 } }]}
                    yAxis={[{ min: 0, label: translate(`insights.axis.${chartUnit ?? 'COUNT'}`) }]}
                    series={[
                      { label: translate('insights.actual'), data: chartRows.map(drawn), valueFormatter: (v) => format.number(v) },
                      // A target in another unit than the actual (a count beside a share) is not drawn on the same axis.
                      {
                        label: translate('insights.target'),
                        data: chartRows.map((r) => (r.targetUnit === r.valueUnit ? (r.target ?? null) : null)),
                        valueFormatter: (v) => format.number(v),
                      },
                    ]}
                  />
                  {leftOut.length > 0 && (
                    <Typography variant="caption" color="text.secondary">
                      {translate('insights.notDrawn', { units: leftOut.join(', ') })}
                    </Typography>
                  )}
                </Box>
              )}
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="compare-table">
                  <TableHead>
                    <TableRow>
                      <TableCell rowSpan={2}>{translate('app.unit')}</TableCell>
                      {selected.map((m) => (
                        <TableCell key={m} colSpan={5} align="center" sx={{ borderLeft: 1, borderColor: 'divider' }}>
                          {label(m)}
                        </TableCell>
                      ))}
                    </TableRow>
                    <TableRow>
                      {selected.map((m) =>
                        ['actual', 'target', 'gap', 'rank', 'coverage'].map((k) => (
                          <TableCell key={m + k} align="right" sx={k === 'actual' ? { borderLeft: 1, borderColor: 'divider' } : undefined}>
                            {translate(`insights.${k}`)}
                          </TableCell>
                        )),
                      )}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {units.map(([code, name]) => (
                      <TableRow key={code} hover>
                        <TableCell>
                          <MuiLink
                            component="button"
                            onClick={() => drill(cell(code, selected[0])!)}
                            title={translate('insights.compare.drill')}
                          >
                            {name}
                          </MuiLink>{' '}
                          <Typography variant="caption" color="text.secondary">
                            ({code})
                          </Typography>
                        </TableCell>
                        {selected.map((m) => {
                          const r = cell(code, m);
                          return [
                            <TableCell key={m + 'a'} align="right" sx={{ borderLeft: 1, borderColor: 'divider' }}>
                              {r ? <ActualCell row={r} /> : '—'}
                              {r?.approximate ? ' ≈' : ''}
                            </TableCell>,
                            <TableCell key={m + 't'} align="right">
                              {r ? targetText(format.number, r) : '—'}
                            </TableCell>,
                            <TableCell
                              key={m + 'g'}
                              align="right"
                              sx={{ color: r?.onTrack == null ? undefined : r.onTrack ? 'success.main' : 'error.main' }}
                            >
                              {r?.gap == null ? '—' : `${r.gap > 0 ? '+' : ''}${format.number(r.gap)}`}
                            </TableCell>,
                            <TableCell key={m + 'r'} align="right">
                              {r?.rank ?? '—'}
                            </TableCell>,
                            <TableCell key={m + 'c'} align="right">
                              {r ? <CoverageCell row={r} /> : '—'}
                            </TableCell>,
                          ];
                        })}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              <Typography variant="caption" color="text.secondary" display="block" sx={{ mt: 1 }}>
                {translate('insights.compare.rankHelp')}
              </Typography>
              <TablePager
                count={unitCount}
                page={Math.min(page, Math.max(0, Math.ceil(unitCount / UNITS_PER_PAGE) - 1))}
                rowsPerPage={UNITS_PER_PAGE}
                rowsPerPageOptions={[UNITS_PER_PAGE]}
                onPageChange={(_, next) => goTo(next)}
                data-testid="compare-pager"
                labelDisplayedRows={({ from, to, count }) =>
                  translate('insights.compare.unitsShown', {
                    from: format.number(from),
                    to: format.number(to),
                    count: format.number(count),
                  })
                }
              />
              <ClassTargetsTable
                firstColumn="app.unit"
                entries={rows.map((r) => ({
                  key: `${r.unitCode}-${r.metric}`,
                  label: `${r.unitName} · ${label(r.metric)}`,
                  classTargets: r.classTargets,
                }))}
              />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
