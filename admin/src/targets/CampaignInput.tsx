import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';

/** Picks a campaign by name, searched on the server (accent-insensitive) as the user types, 20 at a time. */
export function CampaignInput({ source = 'campaignId', ...props }: Omit<AutocompleteInputProps, 'source'> & { source?: string }) {
  return (
    <ReferenceInput source={source} reference="campaigns" perPage={20} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="resources.targets.fields.campaign"
        optionText={(c: { name: string; issuer?: { name: string } }) => (c.issuer ? `${c.issuer.name} — ${c.name}` : c.name)}
        filterToQuery={(q: string) => ({ q })}
        debounce={300}
        {...props}
      />
    </ReferenceInput>
  );
}
