import type { ComponentProps } from 'react';
import { useTranslate } from 'react-admin';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';

const LABELS = { COMMUNE: 'resources.assessments.entry.unit', DISTRICT: 'resources.assessments.bulk.district' };

interface Props {
  /** The commune assessed, or the district whose communes are. */
  level: keyof typeof LABELS;
  /** The middle of the year assessed: units are read on it (pre-2025 communes and districts); none yet, nothing to pick. */
  midYear: string | null;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  sx?: ComponentProps<typeof UnitAutocomplete>['sx'];
}

/** A unit the user may record assessments in, as it was in the year assessed. */
export function AssessedUnitPicker({ level, midYear, value, onChange, sx }: Props) {
  const translate = useTranslate();
  return (
    <UnitAutocomplete
      value={value}
      onChange={onChange}
      label={translate(LABELS[level])}
      asOf={midYear}
      level={level}
      disabled={!midYear}
      capability="RECORD_ASSESSMENTS"
      sx={sx}
      testId={`${level.toLowerCase()}-picker`}
    />
  );
}
