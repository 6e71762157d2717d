import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import type { Figures } from '../dataProvider';
import { localise } from '../i18n/locale';
import { withUnit } from './useInsightMetrics';

/**
 * The figures of a comparison row or progress point as the tables show them, one unit per column: a count metric as
 * "51/96 · 53,1 %" (count of its denominator, and the share), an average as its value, and no data as "—" with
 * "chưa có số liệu" — never 0. The same fields the API and the exports carry.
 */
export function ActualCell({ row }: { row: Figures }) {
  const translate = useTranslate();
  const format = useFormat();
  if (row.actual == null) {
    return (
      <span title={row.note ? localise(row.note) : ''}>
        —{' '}
        <Typography component="span" variant="caption" color="text.secondary">
          {translate('insights.noData')}
        </Typography>
      </span>
    );
  }
  const text =
    row.count != null
      ? `${format.number(row.count)}/${format.number(row.denominator)}${row.share != null ? ` · ${format.number(row.share)} %` : ''}`
      : withUnit(format.number, row.actual, row.valueUnit);
  return <span title={`${row.numerator}/${row.denominator}`}>{text}</span>;
}

/** Units with data of units in scope, e.g. "95/267", flagged when partial. */
export function CoverageCell({ row }: { row: Figures }) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <span title={row.coverage == null ? '' : `${format.number(row.coverage)} %`}>
      {format.number(row.unitsWithData)}/{format.number(row.unitsInScope)}
      {row.partial && (
        <>
          {' '}
          <Typography component="span" variant="caption" color="warning.main">
            {translate('insights.partial')}
          </Typography>
        </>
      )}
    </span>
  );
}

/** The target in its own unit (a count target as a count, a share target in %), with how it was obtained on hover. */
export function targetText(format: (n: number | null | undefined) => string, row: Figures): string {
  if (row.target == null) return '—';
  const unit = row.targetUnit ?? row.valueUnit;
  return row.targetMax != null
    ? `${withUnit(format, row.target, unit)}–${withUnit(format, row.targetMax, unit)}`
    : withUnit(format, row.target, unit);
}

/**
 * The figure a chart draws for a row: its actual when every unit in scope has data, else null — a row without data,
 * or with data for only part of its units, is left out of a chart (and named under it) rather than drawn as if
 * complete; the table shows it with its coverage. The same rule ranks rows (the API ranks only full data).
 */
export const drawn = (row: Figures): number | null => (row.partial ? null : (row.actual ?? null));

/** The target a chart draws beside the actual: only one in the actual's unit (a count target has no place on a share's axis). */
export const drawnTarget = (row: Figures): number | null => (row.targetUnit === row.valueUnit ? (row.target ?? null) : null);

/** A gap to the target, signed ("+3", "−1,5"), and coloured by whether the unit is on track. */
export function GapText({ gap, onTrack }: { gap: number | null | undefined; onTrack: boolean | null | undefined }) {
  const format = useFormat();
  return (
    <Typography component="span" variant="inherit" color={onTrack == null ? undefined : onTrack ? 'success.main' : 'error.main'}>
      {gap == null ? '—' : `${gap > 0 ? '+' : ''}${format.number(gap)}`}
    </Typography>
  );
}

/** Under a chart, what it leaves out (units or years without full data), by name. */
export function NotDrawn({ names }: { names: (string | number)[] }) {
  const translate = useTranslate();
  if (!names.length) return null;
  return (
    <Typography variant="caption" color="text.secondary">
      {translate('insights.notDrawn', { units: names.join(', ') })}
    </Typography>
  );
}
