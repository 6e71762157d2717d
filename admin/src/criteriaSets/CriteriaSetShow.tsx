import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  LinearProgress,
  Button as MuiButton,
  Chip,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useState } from 'react';
import {
  EditButton,
  Show,
  SimpleShowLayout,
  TextField as RaTextField,
  TopToolbar,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumText, PeriodText } from '../common/fields';
import { useCan } from '../capabilities';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';
import { AddCriterionButton, AddIndicatorButton } from './AddCriterionButtons';
import { IndicatorTable, type EffectiveMap, type Indicator } from './IndicatorTable';
import { useHub } from '../common/useHub';

function Criteria() {
  const hub = useHub();
  const set = useRecordContext<{
    id: string;
    periodStart: string;
    parent: { id: string } | null;
    owner: { code: string; path: string };
    criteria: { id: string; number: number; name: string; nameEn: string | null; indicators: Indicator[] }[];
  }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [year, setYear] = useState('');
  const midYear = /^\d{4}$/.test(year) ? `${year}-06-30` : null;
  const [effective, setEffective] = useState<EffectiveMap>({});
  const mayEdit = useCan('EDIT_CRITERIA_SETS', set?.owner?.path ?? null);
  // The list's copy of a set (shown while its page loads) has no criteria yet: wait for the set itself.
  if (!set?.criteria) return <LinearProgress sx={{ my: 2 }} />;
  const load = async () => {
    try {
      if (!unit) return;
      const result = await hub.effectiveThresholds(String(set.id), unit.code, Number(year), midYear ?? undefined);
      const map: EffectiveMap = {};
      for (const c of result.criteria) for (const i of c.indicators) map[i.code] = i.effectiveThreshold;
      setEffective(map);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', my: 2, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">{translate('resources.criteriaSets.effective.title')}</Typography>
        <TextField
          size="small"
          fullWidth={false}
          label={translate('app.year')}
          value={year}
          onChange={(e) => {
            setYear(e.target.value);
            setUnit(null);
          }}
          type="number"
          sx={{ width: 110 }}
        />
        <UnitAutocomplete
          value={unit}
          onChange={setUnit}
          label={translate('app.unit')}
          asOf={midYear}
          disabled={!midYear}
          sx={{ minWidth: 280, flex: 1 }}
          testId="effective-unit"
        />
        <MuiButton variant="outlined" onClick={load} disabled={!unit || !midYear}>
          {translate('resources.criteriaSets.effective.show')}
        </MuiButton>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Typography variant="h6">
          {translate('resources.criteriaSets.criteria')} ({set.criteria.length})
        </Typography>
        {mayEdit && (
          <>
            {!set.parent && (
              <AddCriterionButton setId={String(set.id)} nextNumber={Math.max(0, ...set.criteria.map((c) => c.number)) + 1} />
            )}
            {set.criteria.length > 0 && <AddIndicatorButton setId={String(set.id)} criteria={set.criteria} />}
          </>
        )}
      </Box>
      {set.criteria.map((criterion) => (
        <Accordion key={criterion.id} disableGutters defaultExpanded={criterion.indicators.length > 0}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography>
              <b>{translate('resources.criteriaSets.criterion', { number: criterion.number })}</b> —{' '}
              {locale === 'en' && criterion.nameEn ? criterion.nameEn : criterion.name}
            </Typography>
            <Chip size="small" sx={{ ml: 2 }} label={criterion.indicators.length} />
          </AccordionSummary>
          <AccordionDetails>
            {criterion.indicators.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('resources.criteriaSets.noIndicators')}
              </Typography>
            ) : (
              <IndicatorTable
                indicators={criterion.indicators}
                effective={effective}
                set={set}
                mayEdit={mayEdit}
                onOverride={() => Object.keys(effective).length && load()}
              />
            )}
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}

/** A criteria set: its criteria and indicators, the thresholds entered along its chain, and which one applies where. */
export function CriteriaSetShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <RaTextField source="code" />
        <RaTextField source="name" />
        <EnumText source="tier" enumName="CriteriaTier" label="resources.criteriaSets.fields.tier" chip />
        <EnumText source="appliesTo" enumName="CriteriaLevel" label="resources.criteriaSets.fields.appliesTo" />
        <RaTextField source="owner.name" label="resources.criteriaSets.fields.owner" />
        <RaTextField source="parent.name" label="resources.criteriaSets.fields.parent" emptyText="—" />
        <PeriodText label="resources.campaigns.fields.period" />
        <RaTextField source="legalBasis.number" label="resources.criteriaSets.fields.legalBasis" emptyText="—" />
        <Criteria />
      </SimpleShowLayout>
    </Show>
  );
}
