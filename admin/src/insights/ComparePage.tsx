import { Alert, Box, Breadcrumbs, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useEffect, useMemo, useState } from 'react';
import { referenceDate } from '@domain/calendar';
import { enumChoices } from '../common/enums';
import { SelectField } from '../common/SelectField';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';
import type { ComparisonRow } from '../dataProvider';
import { localise } from '../i18n/locale';
import { ClassTargetsTable } from './ClassTargetsTable';
import { drawn, drawnTarget, NotDrawn } from './figures';
import { ExportButtons, InsightFilters, MetricsSelect } from './InsightFilters';
import { useInsightPage } from './useInsightPage';
import { cellOf, ComparisonTable, unitsOf } from './ComparisonTable';
import { PageCard } from '../common/PageCard';
import { TablePager } from '../common/TablePager';

const SCOPES = ['childrenOf', 'level', 'unitCodes'] as const;
type Scope = (typeof SCOPES)[number];

/** Units per page: the server ranks all of them and sends one page (all communes of the country would be 10,000 rows per metric). */
const UNITS_PER_PAGE = 50;

/** Compare units side by side on metrics for a year: actual, target, gap, rank, a bar chart, drill-down and exports. */
export function ComparePage() {
  const { hub, translate, notify, format, label, params, setParams } = useInsightPage();
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

  const chartMetric = selected[0];
  // One metric's figures on one axis (a metric has one unit of measure); only units with full data are drawn, so a
  // unit without data or with data for part of its communes is named below rather than drawn as if complete.
  const firstMetricRows = unitsOf(rows ?? []).map(([code, name]) => ({ name, row: cellOf(rows ?? [], code, chartMetric) }));
  const charted = firstMetricRows.filter((r) => r.row && drawn(r.row) !== null);
  const leftOut = firstMetricRows.filter((r) => !r.row || drawn(r.row) === null).map((r) => r.name);
  const chartRows = charted.map((r) => r.row!);
  const chartUnit = chartRows[0]?.valueUnit;
  const exportParams = { metrics: selected, year, asOf, childrenOf: input.childrenOf, level: input.level, unitCodes: input.unitCodes };

  return (
    <PageCard title="insights.compare.title">
      <InsightFilters
        draft={draft}
        onChange={setDraft}
        years={[{ field: 'year', label: 'app.year' }]}
        onRun={run}
        canRun={!!draft.metrics.length && !!draft.value.trim()}
        runTestId="compare-run"
      >
        <SelectField
          label={translate('insights.compare.scope')}
          value={draft.scope}
          choices={SCOPES.map((id) => ({ id, name: translate(`insights.compare.scopes.${id}`) }))}
          onChange={(next) => setDraft({ ...draft, scope: next as Scope, value: next === 'level' ? 'PROVINCE' : '' })}
          sx={{ minWidth: 220 }}
        />
        {draft.scope === 'level' ? (
          <SelectField
            label={translate('resources.units.fields.level')}
            value={draft.value}
            choices={enumChoices('UnitLevel').map((c) => ({ id: c.id, name: translate(c.name) }))}
            onChange={(value) => setDraft({ ...draft, value })}
            sx={{ minWidth: 160 }}
          />
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
        <MetricsSelect value={draft.metrics} onChange={(metrics) => setDraft({ ...draft, metrics })} />
      </InsightFilters>
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
        <ExportButtons name="compare" params={exportParams} />
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
                  {
                    label: translate('insights.target'),
                    data: chartRows.map(drawnTarget),
                    valueFormatter: (v) => format.number(v),
                  },
                ]}
              />
              <NotDrawn names={leftOut} />
            </Box>
          )}
          <ComparisonTable rows={rows} selected={selected} onDrill={drill} />
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
    </PageCard>
  );
}
