import { referenceDate } from '@domain/calendar';
import { useListFilterContext } from 'react-admin';
import { UnitCodeInput } from '../common/UnitCodeInput';

/**
 * A list filter keeping one unit's subtree (`withinCode`). Codes are read mid-year of the year filtered on (the API
 * does the same), so a district abolished in 2025 can be picked for its earlier years; without a year, today's units.
 */
export function WithinUnitInput({ yearSource, ...props }: { source: string; label?: string; alwaysOn?: boolean; yearSource: string }) {
  const { filterValues } = useListFilterContext();
  const year = Number(filterValues[yearSource]);
  return <UnitCodeInput {...props} asOf={Number.isInteger(year) && year > 1900 ? referenceDate(year) : undefined} />;
}
