import {
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  InputLabel,
  MenuItem,
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
import { LineChart } from '@mui/x-charts/LineChart';
import { useEffect, useState } from 'react';
import { Title } from 'react-admin';
import { AsOfHelp } from '../common/AsOfHelp';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';
import type { ProgressPoint } from '../dataProvider';
import { localise } from '../i18n/locale';
import { exportUrl } from './exportUrl';
import { ClassTargetsTable } from './ClassTargetsTable';
import { ActualCell, CoverageCell, drawn, targetText } from './figures';
import { useInsightPage } from './useInsightPage';
import { withUnit } from './useInsightMetrics';

/** A unit's metric over the years beside its yearly targets: line chart, table and exports. */
export function ProgressPage() {
  const { hub, translate, notify, format, metrics, label, params, setParams } = useInsightPage();
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
    <Box sx={{ mt: 2 }}>
      <Title title={translate('insights.progress.title')} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
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
            <FormControl size="small" fullWidth={false} sx={{ minWidth: { xs: '100%', sm: 320 } }}>
              <InputLabel id="metric">{translate('insights.metric')}</InputLabel>
              <Select
                labelId="metric"
                label={translate('insights.metric')}
                value={metrics.length ? draft.metric : ''}
                onChange={(e) => setDraft({ ...draft, metric: String(e.target.value) })}
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
              label={translate('insights.progress.fromYear')}
              value={draft.fromYear}
              onChange={(e) => setDraft({ ...draft, fromYear: e.target.value })}
              sx={{ width: 110 }}
            />
            <TextField
              size="small"
              fullWidth={false}
              type="number"
              label={translate('insights.progress.toYear')}
              value={draft.toYear}
              onChange={(e) => setDraft({ ...draft, toYear: e.target.value })}
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
            <Button variant="contained" disabled={!draft.unitCode} onClick={() => setParams(new URLSearchParams(draft))}>
              {translate('insights.compare.run')}
            </Button>
            <Box sx={{ flex: 1 }} />
            <Button startIcon={<DownloadIcon />} href={exportUrl('progress', 'csv', exportParams)}>
              CSV
            </Button>
            <Button startIcon={<DownloadIcon />} href={exportUrl('progress', 'xlsx', exportParams)}>
              XLSX
            </Button>
          </Stack>
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
                      // A target in another unit than the actual (a count beside a share) is not drawn on the same axis.
                      {
                        id: 'target',
                        label: translate('insights.target'),
                        data: points.map((p) => (p.targetUnit === p.valueUnit ? (p.target ?? null) : null)),
                        valueFormatter: (v) => withUnit(format.number, v, points[0]?.valueUnit ?? ''),
                        connectNulls: true,
                        showMark: true,
                        curve: 'linear',
                      },
                    ]}
                  />
                  {points.some((p) => drawn(p) === null) && (
                    <Typography variant="caption" color="text.secondary">
                      {translate('insights.notDrawn', {
                        units: points
                          .filter((p) => drawn(p) === null)
                          .map((p) => p.year)
                          .join(', '),
                      })}
                    </Typography>
                  )}
                </Box>
                <Box sx={{ overflowX: 'auto' }}>
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        {['year', 'actual', 'target', 'gap', 'onTrack', 'coverage'].map((k) => (
                          <TableCell key={k} align={k === 'year' ? 'left' : 'right'}>
                            {translate(k === 'year' ? 'app.year' : `insights.${k}`)}
                          </TableCell>
                        ))}
                      </TableRow>
                    </TableHead>
                    <TableBody>
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
                    </TableBody>
                  </Table>
                </Box>
                <ClassTargetsTable
                  firstColumn="app.year"
                  entries={points.map((p) => ({ key: String(p.year), label: String(p.year), classTargets: p.classTargets }))}
                />
              </>
            )
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
