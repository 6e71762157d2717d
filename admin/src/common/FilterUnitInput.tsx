import { referenceDate } from '@domain/calendar';
import { useListFilterContext } from 'react-admin';
import { UnitCodeInput } from './UnitCodeInput';

interface Props {
  source: string;
  label?: string;
  alwaysOn?: boolean;
  /** The list filter holding the day codes are read on ("Tại ngày"). */
  asOfSource?: string;
  /** The list filter holding a year: codes are then read mid-year (as the API does), so a district abolished in 2025 can be picked for its earlier years. */
  yearSource?: string;
  /** The day to read codes on when the filters name none (e.g. the chosen campaign's start). */
  fallbackAsOf?: string;
}

/** A list filter on a unit (its subtree, its children), chosen with the unit picker on the day the list is read for; without one, units of every period. */
export function FilterUnitInput({ asOfSource, yearSource, fallbackAsOf, ...props }: Props) {
  const { filterValues } = useListFilterContext();
  const year = yearSource ? Number(filterValues[yearSource]) : Number.NaN;
  const asOf =
    (asOfSource && filterValues[asOfSource]) || (Number.isInteger(year) && year > 1900 ? referenceDate(year) : undefined) || fallbackAsOf;
  return <UnitCodeInput {...props} asOf={asOf} />;
}
