import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';

/** Picks a metric of the catalogue by code, searched on the server by code or name. */
export function MetricInput({ source, ...props }: Omit<AutocompleteInputProps, 'source'> & { source: string }) {
  return (
    <ReferenceInput source={source} reference="metrics" perPage={30} sort={{ field: 'nameVi', order: 'ASC' }}>
      <AutocompleteInput
        label="resources.targets.fields.metric"
        optionText={(m: { code: string; nameVi: string }) => `${m.nameVi} (${m.code})`}
        filterToQuery={(q: string) => ({ q })}
        debounce={300}
        {...props}
      />
    </ReferenceInput>
  );
}
