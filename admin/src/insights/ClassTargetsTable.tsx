import { Box, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import type { ClassTarget } from '../dataProvider';
import { localise } from '../i18n/locale';
import { GapText } from './figures';
import { withUnit } from './useInsightMetrics';
import { SimpleTable } from '../common/SimpleTable';

/**
 * Targets restricted to a class of communes (Quảng Nam: average criteria in high-mountain communes) with how many
 * communes carry the class and how they fare; one line per entry (a unit and metric, or a year) and class.
 */
export function ClassTargetsTable({
  firstColumn,
  entries,
}: {
  firstColumn: string;
  entries: { key: string; label: string; classTargets: ClassTarget[] }[];
}) {
  const translate = useTranslate();
  const format = useFormat();
  const lines = entries.flatMap((e) => e.classTargets.map((c) => ({ ...e, c })));
  if (!lines.length) return null;
  return (
    <Box sx={{ mt: 3 }} data-testid="class-targets">
      <Typography variant="subtitle1">{translate('insights.classTargets.title')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('insights.classTargets.help')}
      </Typography>
      <SimpleTable
        labels={[
          firstColumn,
          'insights.classTargets.unitClass',
          'insights.classTargets.communes',
          'insights.actual',
          'insights.target',
          'insights.gap',
        ]}
      >
        {lines.map(({ key, label, c }) => (
          <TableRow key={`${key}-${c.unitClass}`}>
            <TableCell>{label}</TableCell>
            <TableCell>{translate(`resources.targets.unitClass.${c.unitClass}`, { _: c.unitClass })}</TableCell>
            <TableCell align="right">{format.number(c.communes)}</TableCell>
            <TableCell align="right" title={c.note ? localise(c.note) : ''}>
              {c.actual == null ? '—' : withUnit(format.number, c.actual, c.valueUnit)}
            </TableCell>
            <TableCell align="right">{c.target == null ? '—' : withUnit(format.number, c.target, c.valueUnit)}</TableCell>
            <TableCell align="right">
              <GapText gap={c.gap} onTrack={c.onTrack} />
            </TableCell>
          </TableRow>
        ))}
      </SimpleTable>
    </Box>
  );
}
