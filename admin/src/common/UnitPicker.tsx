import { Autocomplete, Box, TextField, Typography, type SxProps } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { capabilityTable, scopeOf, type Capability, type GrantScope } from '../capabilities';
import type { PickedUnit } from '../dataProvider';
import { AsOfHelp } from './AsOfHelp';
import { dotted, useFormat } from './format';
import { useHub } from './useHub';

export type { PickedUnit };

export interface UnitQuery {
  /** The date in context (the form's year or date): only units valid then. Without it, units of every period. */
  asOf?: string | null;
  level?: string;
  /** Only units below the unit with this code (read on `asOf`). */
  withinCode?: string;
  /** Only units at or below these paths (the user's scope for a capability, see `useGrantScope`). */
  withinPaths?: string[];
}

const REORGANISATION = '2025-07-01';

/** The units filter for what was typed (a name without accents, or the start of a code) in the picker's context. */
const pickFilter = (search: string, query: UnitQuery) => ({
  search: search.trim() || undefined,
  level: query.level,
  withinCode: query.withinCode,
  withinPaths: query.withinPaths,
  ...(query.asOf ? { asOf: query.asOf } : { anyDate: true }),
});

/** A day on which the unit is valid, to send with its code (codes were reused in 2025): the date in context if any. */
export const unitDate = (unit: Pick<PickedUnit, 'validFrom' | 'validTo'>, asOf?: string | null): string =>
  asOf ?? unit.validTo ?? unit.validFrom ?? new Date().toISOString().slice(0, 10);

/** Which side of the 1 July 2025 reorganisation a unit belongs to: "before", "after", or neither (both). */
export const unitEra = (unit: Pick<PickedUnit, 'validFrom' | 'validTo'>): 'before' | 'after' | null =>
  unit.validTo && unit.validTo < REORGANISATION ? 'before' : unit.validFrom && unit.validFrom >= REORGANISATION ? 'after' : null;

/**
 * Where the user may do `capability` (undefined: not asked, or not read yet; null: everywhere). A picker for a unit
 * the API will check against the user's grants offers only those units, so nothing picked is refused later.
 */
export function useGrantScope(capability?: Capability): GrantScope | null | undefined {
  const [scope, setScope] = useState<GrantScope | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (capability)
      capabilityTable().then(
        (rules) => live && setScope(scopeOf(rules, capability)),
        () => live && setScope(null),
      );
    return () => {
      live = false;
    };
  }, [capability]);
  return capability ? scope : null;
}

function useUnitText() {
  const translate = useTranslate();
  const format = useFormat();
  return {
    label: (u: PickedUnit) => `${u.name} (${u.code})`,
    detail: (u: PickedUnit) =>
      dotted(
        translate(`enums.UnitLevel.${u.level}`),
        ...u.ancestors
          .filter((a) => a.level !== 'NATION')
          .reverse()
          .map((a) => a.name),
        unitEra(u) ? translate(`app.unitPicker.era.${unitEra(u)}`, { date: format.date(REORGANISATION) }) : null,
      ),
  };
}

interface Props extends UnitQuery {
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  label: ReactNode;
  helperText?: string;
  error?: boolean;
  required?: boolean;
  disabled?: boolean;
  size?: 'small' | 'medium';
  sx?: SxProps;
  testId?: string;
  /** What the user will do with the unit: only units inside their grants for it are offered (the API refuses others). */
  capability?: Capability;
}

/**
 * The one way to choose a unit: type part of its name (no accents needed) or of its code; each option shows the
 * level, where it sits and, when it matters, its period (before / after 1 July 2025, when codes were reused). With a
 * date in context only the units valid that day are offered.
 */
export function UnitAutocomplete({
  value,
  onChange,
  label,
  helperText,
  error,
  required,
  disabled,
  size = 'small',
  sx,
  testId,
  asOf,
  level,
  withinCode,
  capability,
}: Props) {
  const hub = useHub();
  const translate = useTranslate();
  const format = useFormat();
  const text = useUnitText();
  const scope = useGrantScope(capability);
  const withinPaths = scope?.paths;
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<PickedUnit[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    // Until the user's scope is known, nothing is offered that the API might refuse.
    if (scope === undefined) return;
    setLoading(true);
    const timer = setTimeout(() => {
      hub
        .pickUnits(pickFilter(value && input === text.label(value) ? '' : input, { asOf, level, withinCode, withinPaths }))
        .then(
          (found) => live && setOptions(found),
          () => live && setOptions([]),
        )
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, asOf, level, withinCode, scope]); // eslint-disable-line react-hooks/exhaustive-deps
  // Below the field: the error or hint, the chosen unit's place, the day units are read on, the user's scope.
  const help = (
    <>
      {helperText ?? (value ? text.detail(value) : translate('app.unitPicker.help'))}
      {asOf && ` · ${translate('app.unitPicker.asOf', { date: format.date(asOf) })}`}
      {scope && (
        <Box component="span" sx={{ display: 'block' }} data-testid="unit-scope">
          {translate('app.unitPicker.scope', { units: scope.units.join(', ') })}
        </Box>
      )}
    </>
  );
  return (
    <Autocomplete
      value={value}
      onChange={(_e, unit) => onChange(unit)}
      inputValue={input}
      onInputChange={(_e, typed) => setInput(typed)}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      filterOptions={(all) => all}
      getOptionLabel={text.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading}
      disabled={disabled}
      size={size}
      sx={{ minWidth: { xs: '100%', sm: 280 }, ...sx }}
      noOptionsText={translate('app.unitPicker.none')}
      loadingText={translate('app.loading')}
      openText={translate('app.unitPicker.open')}
      closeText={translate('ra.action.close')}
      clearText={translate('ra.action.clear_input_value')}
      data-testid={testId}
      renderOption={(props, unit) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest} data-code={unit.code} data-unit-id={unit.id}>
            <Box>
              <Typography variant="body2">{text.label(unit)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {text.detail(unit)}
              </Typography>
            </Box>
          </Box>
        );
      }}
      renderInput={(params) => (
        // The asterisk only: a native `required` would stop the form with the browser's own (English) bubble.
        // ⓘ beside the field whenever a date decides which units are offered (filters hide helper texts).
        <TextField
          {...params}
          label={label}
          InputLabelProps={{ ...params.InputLabelProps, required }}
          error={error}
          InputProps={{ ...params.InputProps, startAdornment: asOf ? <AsOfHelp /> : params.InputProps.startAdornment }}
          helperText={help}
        />
      )}
    />
  );
}
