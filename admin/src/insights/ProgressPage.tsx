import { Box, TableCell, TableRow, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useEffect, useState } from 'react';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';
import type { ProgressPoint } from '../dataProvider';
import { localise } from '../i18n/locale';
import { ClassTargetsTable } from './ClassTargetsTable';
import { ActualCell, CoverageCell, drawn, drawnTarget, NotDrawn, targetText } from './figures';
import { ExportButtons, InsightFilters, MetricSelect } from './InsightFilters';
import { useInsightPage } from './useInsightPage';
import { PageCard } from '../common/PageCard';
import { withUnit } from './useInsightMetrics';
import { SimpleTable } from '../common/SimpleTable';

/** A unit's metric over the years beside its yearly targets: line chart, table and exports. */
export function ProgressPage() {
  const { hub, translate, notify, format, label, params, setParams } = useInsightPage();
  const current = {
    unitCode: params.get('unitCode') ?? '56',
    metric: params.get('metric') ?? 'COMMUNES_NTM',
    fromYear: params.get('fromYear') ?? '2021',
    toYear: params.get('toYear') ?? '2025',
    asOf: params.get('asOf') ?? '2025-06-30',
  };
  const [draft, setDraft] = useState(current);
  const [points, setPoints] = useState<ProgressPoint[] | null>(null);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  useEffect(() => {
    if (draft.unitCode && unit?.code !== draft.unitCode)
      hub.unitByCode(draft.unitCode, draft.asOf || null).then(setUnit, () => setUnit(null));
  }, [draft.unitCode, draft.asOf]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    setDraft(current);
    setPoints(null);
    hub
      .progress(current.unitCode, current.metric, Number(current.fromYear), Number(current.toYear), current.asOf)
      .then(setPoints, (error) => {
        notify((error as Error).message, { type: 'error' });
        setPoints([]);
      });
  }, [params]); // eslint-disable-line react-hooks/exhaustive-deps
  const exportParams = {
    unitCode: current.unitCode,
    metric: current.metric,
    fromYear: current.fromYear,
    toYear: current.toYear,
    asOf: current.asOf,
  };
  return (
    <PageCard title="insights.progress.title">
      <InsightFilters
        draft={draft}
        onChange={setDraft}
        years={[
          { field: 'fromYear', label: 'insights.progress.fromYear' },
          { field: 'toYear', label: 'insights.progress.toYear' },
        ]}
        onRun={() => setParams(new URLSearchParams(draft))}
        canRun={!!draft.unitCode}
        after={
          <>
            <Box sx={{ flex: 1 }} />
            <ExportButtons name="progress" params={exportParams} />
          </>
        }
      >
        <UnitAutocomplete
          value={unit}
          onChange={(u) => {
            setUnit(u);
            setDraft({ ...draft, unitCode: u?.code ?? '' });
          }}
          label={translate('app.unit')}
          asOf={draft.asOf || null}
          sx={{ minWidth: 280, flex: 1 }}
          testId="progress-unit"
        />
        <MetricSelect value={draft.metric} onChange={(metric) => setDraft({ ...draft, metric })} />
      </InsightFilters>
      {points === null ? (
        <Typography>{translate('app.loading')}</Typography>
      ) : (
        points.length > 0 && (
          <>
            <Typography variant="subtitle1">
              {label(current.metric)} — {unit?.code === current.unitCode ? unit.name : current.unitCode}
            </Typography>
            <Box data-testid="progress-chart">
              {/* skipAnimation: the lines appear through a clip mask that grows from zero width; without it a page
                    read (or printed) right after loading shows the axes and no line. Marks show the single-year targets. */}
              {/* Straight segments between the yearly figures (a smoothed curve invents values between years), a zero
                    baseline for counts and shares, and the axis labelled with the metric's unit. */}
              <LineChart
                height={320}
                skipAnimation
                xAxis={[{ scaleType: 'point', data: points.map((p) => String(p.year)), label: translate('app.year') }]}
                yAxis={[{ min: 0, label: translate(`insights.axis.${points[0]?.valueUnit ?? 'COUNT'}`) }]}
                series={[
                  // Only years with full data are drawn (a year without data, or with data for part of the units, leaves a gap
                  // rather than a point that reads as complete); the table beside shows them with their coverage.
                  {
                    id: 'actual',
                    label: translate('insights.actual'),
                    data: points.map(drawn),
                    valueFormatter: (v) => withUnit(format.number, v, points[0]?.valueUnit ?? ''),
                    connectNulls: false,
                    showMark: true,
                    curve: 'linear',
                  },
                  {
                    id: 'target',
                    label: translate('insights.target'),
                    data: points.map(drawnTarget),
                    valueFormatter: (v) => withUnit(format.number, v, points[0]?.valueUnit ?? ''),
                    connectNulls: true,
                    showMark: true,
                    curve: 'linear',
                  },
                ]}
              />
              <NotDrawn names={points.filter((p) => drawn(p) === null).map((p) => p.year)} />
            </Box>
            <Box sx={{ overflowX: 'auto' }}>
              <SimpleTable
                labels={['app.year', 'insights.actual', 'insights.target', 'insights.gap', 'insights.onTrack', 'insights.coverage']}
                rightFrom={1}
              >
                {points.map((p) => (
                  <TableRow key={p.year}>
                    <TableCell>{p.year}</TableCell>
                    <TableCell align="right">
                      <ActualCell row={p} />
                    </TableCell>
                    <TableCell align="right" title={p.note ? localise(p.note) : ''}>
                      {targetText(format.number, p)}
                    </TableCell>
                    <TableCell align="right">{p.gap == null ? '—' : format.number(p.gap)}</TableCell>
                    <TableCell align="right">
                      {p.onTrack == null ? '—' : translate(p.onTrack ? 'ra.boolean.true' : 'ra.boolean.false')}
                    </TableCell>
                    <TableCell align="right">
                      <CoverageCell row={p} />
                    </TableCell>
                  </TableRow>
                ))}
              </SimpleTable>
            </Box>
            <ClassTargetsTable
              firstColumn="app.year"
              entries={points.map((p) => ({ key: String(p.year), label: String(p.year), classTargets: p.classTargets }))}
            />
          </>
        )
      )}
    </PageCard>
  );
}
