import { useState } from 'react';
import { AutocompleteInput, useGetList, type AutocompleteInputProps } from 'react-admin';

/**
 * Picks a unit by GSO code, searching the units subgraph as the user types (accent-insensitive, 20 at a time):
 * the API takes codes, read on `asOf` because codes are reused after the 2025 reorganisation.
 */
export function UnitCodeInput({ asOf, unitFilter, ...props }: Omit<AutocompleteInputProps, 'choices'> & { asOf?: string; unitFilter?: Record<string, unknown> }) {
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList('units', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'code', order: 'ASC' },
    filter: { ...unitFilter, q: search || undefined, asOf },
  });
  return (
    <AutocompleteInput
      {...props}
      choices={data}
      optionValue="code"
      optionText={(unit: { code: string; name: string; validTo?: string | null }) => `${unit.name} (${unit.code}${unit.validTo ? ` — ≤ ${unit.validTo.slice(0, 4)}` : ''})`}
      setFilter={setSearch}
      isPending={isPending}
      filterToQuery={(q: string) => ({ q })}
      debounce={300}
    />
  );
}
