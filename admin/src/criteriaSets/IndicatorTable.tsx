import { Box, Chip, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { COMPARATOR_SIGN } from '../common/enums';
import { useFormat, dotted } from '../common/format';
import { SimpleTable } from '../common/SimpleTable';
import { OverrideThresholdButton } from './OverrideThresholdButton';

interface Threshold {
  id: string;
  value: number;
  unitClass: string | null;
  communeGroup: number | null;
  year: number | null;
  version: number;
  owner: { code: string; name: string };
  criteriaSet: { id: string; code: string };
}
export interface Indicator {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  comparator: string;
  thresholds: Threshold[];
}
interface Effective {
  value: number | null;
  comparator: string;
  chain: { rank: number; applied: boolean; threshold: Threshold }[];
}
export type EffectiveMap = Record<string, Effective>;

function conditions(t: Threshold, translate: TranslateFunction) {
  return dotted(
    t.unitClass && translate(`enums.UnitClass.${t.unitClass}`, { _: t.unitClass }),
    t.communeGroup && `${translate('resources.criteriaSets.override.communeGroup')}: ${t.communeGroup}`,
    t.year && `${translate('app.year')} ${t.year}`,
  );
}

function ThresholdLine({ t }: { t: Threshold }) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Typography variant="body2">
      <b>{format.number(t.value)}</b> — {t.owner.name} · {t.criteriaSet.code}
      {conditions(t, translate) ? ` · ${conditions(t, translate)}` : ''}
    </Typography>
  );
}

function EffectiveCell({ effective }: { effective?: Effective }) {
  const translate = useTranslate();
  const format = useFormat();
  if (!effective) return null;
  if (effective.value == null)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.criteriaSets.effective.none')}
      </Typography>
    );
  return (
    <Box>
      <Chip color="primary" size="small" label={`${COMPARATOR_SIGN[effective.comparator]} ${format.number(effective.value)}`} />
      <Typography variant="caption" display="block" sx={{ mt: 0.5 }}>
        {translate('resources.criteriaSets.effective.chain')}:
      </Typography>
      {effective.chain.map((c) => (
        <Typography
          key={c.threshold.id}
          variant="caption"
          display="block"
          sx={{ fontWeight: c.applied ? 700 : 400, textDecoration: c.applied ? 'none' : 'line-through' }}
        >
          #{c.rank} {format.number(c.threshold.value)} — {c.threshold.owner.name} · {c.threshold.criteriaSet.code}
          {conditions(c.threshold, translate) ? ` · ${conditions(c.threshold, translate)}` : ''}
        </Typography>
      ))}
    </Box>
  );
}

interface Props {
  indicators: Indicator[];
  /** The thresholds that apply to the unit looked up, by indicator code (empty until one is looked up). */
  effective: EffectiveMap;
  set: { id: string; periodStart: string; owner: { code: string } };
  /** The user may set thresholds in this set: each indicator but a yes/no one gets its button. */
  mayEdit: boolean;
  /** After a threshold is set (the effective thresholds looked up are read again). */
  onOverride: () => void;
}

/**
 * A criterion's indicators: each one's thresholds entered along the set's chain, the one that applies to the unit
 * looked up (and the chain that led to it), and a button to set or override one.
 */
export function IndicatorTable({ indicators, effective, set, mayEdit, onOverride }: Props) {
  const translate = useTranslate();
  return (
    <SimpleTable prefix="resources.criteriaSets" labels={['indicator', 'thresholds', 'effective.value', '']}>
      {indicators.map((indicator) => (
        <TableRow key={indicator.id}>
          <TableCell sx={{ maxWidth: 360 }}>
            <Typography variant="body2">
              <b>{indicator.code}</b> {indicator.name}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(`enums.IndicatorComparator.${indicator.comparator}`)}
              {indicator.unit ? ` · ${indicator.unit}` : ''}
            </Typography>
          </TableCell>
          <TableCell>
            <Stack spacing={0.5}>
              {indicator.thresholds.map((t) => (
                <ThresholdLine key={t.id} t={t} />
              ))}
            </Stack>
          </TableCell>
          <TableCell>
            <EffectiveCell effective={effective[indicator.code]} />
          </TableCell>
          <TableCell>
            {mayEdit && indicator.comparator !== 'BOOL' && (
              <OverrideThresholdButton
                setId={String(set.id)}
                periodStart={set.periodStart}
                ownerCode={set.owner.code}
                indicator={indicator}
                onDone={onOverride}
              />
            )}
          </TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}
