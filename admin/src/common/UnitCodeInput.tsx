import { useEffect, useState } from 'react';
import { FieldTitle, useInput, useResourceContext, useTranslate, useWrappedSource, type InputProps } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import type { Capability } from '../capabilities';
import { UnitAutocomplete, unitDate, type PickedUnit, type UnitQuery } from './UnitPicker';
import { useHub } from './useHub';

type Props = Omit<InputProps, 'source'> &
  UnitQuery & {
    source: string;
    /** Where the form keeps the day the chosen code is read on (the API's `asOf`): the code alone could name another unit. */
    asOfSource?: string;
    /** Further unit filters, e.g. `{ withinCode }`. */
    unitFilter?: Pick<UnitQuery, 'withinCode' | 'level'>;
    fullWidth?: boolean;
    sx?: Record<string, unknown>;
    /** Ignored (kept for filter forms that pass it). */
    alwaysOn?: boolean;
    /** What the form does with the unit: only units inside the user's grants for it are offered. */
    capability?: Capability;
  };

/**
 * A react-admin input holding a unit's code, chosen with the unit picker (name or code, level, parent, period). With
 * `asOfSource` the form also keeps a day on which that unit is valid, so what is saved is the unit that was picked.
 */
export function UnitCodeInput({
  source,
  asOfSource,
  asOf,
  level,
  withinCode,
  unitFilter,
  label,
  validate,
  helperText,
  disabled,
  fullWidth,
  sx,
  capability,
}: Props) {
  const hub = useHub();
  const translate = useTranslate();
  const resource = useResourceContext();
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const form = useFormContext();
  // Inside an array input the sibling field is named relative to the item, as `source` is.
  const asOfField = useWrappedSource(asOfSource ?? '');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const code: string | null = field.value || null;
  // A value set elsewhere (an edit form, a URL): show the unit it names on the form's date.
  useEffect(() => {
    if (!code) {
      setUnit(null);
      return;
    }
    if (unit?.code === code) return;
    const stored = asOfSource ? form.getValues(asOfField) : null;
    hub.unitByCode(code, stored || asOf).then(setUnit, () => setUnit(null));
  }, [code]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <UnitAutocomplete
      value={unit}
      onChange={(picked) => {
        setUnit(picked);
        field.onChange(picked?.code ?? null);
        if (asOfSource) form.setValue(asOfField, picked ? unitDate(picked, asOf) : null, { shouldDirty: true });
      }}
      label={<FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
      asOf={asOf}
      level={level ?? unitFilter?.level}
      withinCode={withinCode ?? unitFilter?.withinCode}
      disabled={disabled}
      error={!!fieldState.error}
      helperText={
        fieldState.error
          ? translate(fieldState.error.message ?? 'ra.validation.required', { _: fieldState.error.message })
          : typeof helperText === 'string'
            ? translate(helperText)
            : undefined
      }
      sx={{ width: fullWidth ? '100%' : undefined, ...sx }}
      testId={`unit-input-${source}`}
      capability={capability}
    />
  );
}
