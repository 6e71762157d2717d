import { AutocompleteInput, BooleanInput, DataTable, List, NumberInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { EnumText } from '../common/fields';

export const campaignFilter = (
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: { xs: '100%', sm: 420 } }} />
  </ReferenceInput>
);

const filters = [
  campaignFilter,
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="occasion" source="occasion" choices={enumChoices('AwardOccasion')} alwaysOn />,
  <SelectInput key="subjectType" source="subjectType" choices={enumChoices('AwardSubjectType')} />,
  <ReferenceInput key="formCode" source="formCode" reference="awardForms" sort={{ field: 'rank', order: 'ASC' }}>
    <SelectInput optionText="nameVi" />
  </ReferenceInput>,
  <NumberInput key="year" source="year" />,
  <BooleanInput key="hasRule" source="hasRule" />,
];

/** Award standards of every campaign, filtered, searched (accent-insensitive), sorted and paged on the server. */
export function AwardStandardList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'ASC' }}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="occasion" disableSort><EnumText source="occasion" enumName="AwardOccasion" chip /></DataTable.Col>
        <DataTable.Col source="year" />
        <DataTable.Col source="subjectType"><EnumText source="subjectType" enumName="AwardSubjectType" /></DataTable.Col>
        <DataTable.Col source="form" render={(r) => r.form?.nameVi ?? '—'} />
        <DataTable.Col source="criteriaText" disableSort render={(r) => (r.criteriaText.length > 160 ? `${r.criteriaText.slice(0, 160)}…` : r.criteriaText)} />
        <DataTable.Col source="rule" disableSort render={(r) => (r.rule ? '✓' : '—')} />
      </DataTable>
    </List>
  );
}
