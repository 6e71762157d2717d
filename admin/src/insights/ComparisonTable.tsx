import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import type { ComparisonRow } from '../dataProvider';
import { ActualCell, CoverageCell, GapText, targetText } from './figures';
import { useInsightMetrics } from './useInsightMetrics';

/** The units of a comparison's rows (one row per unit and metric), in the order the server ranked them: code and name. */
export const unitsOf = (rows: ComparisonRow[]) => [...new Map(rows.map((r) => [r.unitCode, r.unitName])).entries()];

/** A unit's row for a metric. */
export const cellOf = (rows: ComparisonRow[], code: string, metric: string) => rows.find((r) => r.unitCode === code && r.metric === metric);

/** The comparison's table: a line per unit (its name drills down), per metric its actual, target, gap, rank and coverage. */
export function ComparisonTable({
  rows,
  selected,
  onDrill,
}: {
  rows: ComparisonRow[];
  selected: string[];
  onDrill: (row: ComparisonRow) => void;
}) {
  const translate = useTranslate();
  const format = useFormat();
  const { label } = useInsightMetrics();
  const cell = (code: string, metric: string) => cellOf(rows, code, metric);
  const units = unitsOf(rows);
  return (
    <>
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
                  <MuiLink component="button" onClick={() => onDrill(cell(code, selected[0])!)} title={translate('insights.compare.drill')}>
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
                    <TableCell key={m + 'g'} align="right">
                      <GapText gap={r?.gap} onTrack={r?.onTrack} />
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
    </>
  );
}
