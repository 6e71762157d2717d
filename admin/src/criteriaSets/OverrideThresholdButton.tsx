import TuneIcon from '@mui/icons-material/Tune';
import { NumberInput, SelectInput, TextInput, maxValue, minValue, number, required } from 'react-admin';
import { useWatch, type FieldValues } from 'react-hook-form';
import { DialogButton } from '../common/DialogButton';
import { THRESHOLD_UNIT_CLASSES } from '../common/enums';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { useHub } from '../common/useHub';

interface Props {
  setId: string;
  /** The set's first day: a territory is read then unless a year is given (as the API reads it). */
  periodStart: string;
  /** The set's owner: a territory must lie within it. */
  ownerCode: string;
  indicator: {
    code: string;
    thresholds: { id: string; version: number; value: number; unitClass: string | null; criteriaSet: { id: string } }[];
  };
  onDone: () => void;
}

/** The territory, among the units below the set's owner valid mid-year of the year given, or on the set's first day. */
function TerritoryInput({ periodStart, ownerCode }: { periodStart: string; ownerCode: string }) {
  const year: number | undefined = useWatch({ name: 'year' });
  return (
    <UnitCodeInput
      source="unitCode"
      label="resources.criteriaSets.override.unitCode"
      asOf={year ? `${year}-06-30` : periodStart}
      withinCode={ownerCode}
      fullWidth
      capability="EDIT_CRITERIA_SETS"
    />
  );
}

/** Sets or overrides an indicator's threshold in this set, for a territory, a unit class, a commune group or a year. */
export function OverrideThresholdButton({ setId, periodStart, ownerCode, indicator, onDone }: Props) {
  const hub = useHub();
  const own = indicator.thresholds.filter((t) => t.criteriaSet.id === setId);
  const save = (values: FieldValues) =>
    hub.overrideThreshold({
      criteriaSetId: setId,
      indicatorCode: indicator.code,
      value: Number(values.value),
      unitCode: values.unitCode || null,
      unitClass: values.unitClass || null,
      communeGroup: values.communeGroup ?? null,
      year: values.year ?? null,
      source: values.source || null,
      expectedVersion: values.existing ? (own.find((t) => t.id === values.existing)?.version ?? null) : null,
    });
  return (
    <DialogButton
      keys="resources.criteriaSets.override"
      titleArgs={{ code: indicator.code }}
      icon={<TuneIcon />}
      save={save}
      onDone={onDone}
    >
      <NumberInput source="value" label="resources.criteriaSets.override.value" validate={[required(), number()]} fullWidth />
      <NumberInput source="year" label="resources.criteriaSets.override.year" validate={[minValue(2000), maxValue(2100)]} />
      <TerritoryInput periodStart={periodStart} ownerCode={ownerCode} />
      <SelectInput
        source="unitClass"
        label="resources.criteriaSets.override.unitClass"
        choices={THRESHOLD_UNIT_CLASSES.map((id) => ({ id, name: `enums.UnitClass.${id}` }))}
        fullWidth
      />
      <NumberInput source="communeGroup" label="resources.criteriaSets.override.communeGroup" validate={[minValue(1), maxValue(3)]} />
      <TextInput source="source" label="app.source" fullWidth />
      {own.length > 0 && (
        <SelectInput
          source="existing"
          label="resources.criteriaSets.override.existing"
          fullWidth
          choices={own.map((t) => ({ id: t.id, name: `${t.value}${t.unitClass ? ` · ${t.unitClass}` : ''} (v${t.version})` }))}
          translateChoice={false}
        />
      )}
    </DialogButton>
  );
}
