import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput, TextInput, useListContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { enumChoices } from '../common/enums';
import { EnumText } from '../common/fields';

export const campaignFilter = (
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 420 }} />
  </ReferenceInput>
);

const filters = [
  campaignFilter,
  <SelectInput key="occasion" source="occasion" choices={enumChoices('AwardOccasion')} alwaysOn />,
  <SelectInput key="subjectType" source="subjectType" choices={enumChoices('AwardSubjectType')} />,
  <TextInput key="q" source="q" />,
];

function PickCampaign() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  return filterValues.campaignId ? null : <Typography sx={{ p: 2 }} color="text.secondary">{translate('resources.awardStandards.pickCampaign')}</Typography>;
}

/** A campaign's award standards, filtered by occasion and subject type. */
export function AwardStandardList() {
  return (
    <List filters={filters} empty={false} sort={{ field: 'id', order: 'ASC' }}>
      <PickCampaign />
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="occasion" disableSort><EnumText source="occasion" enumName="AwardOccasion" chip /></DataTable.Col>
        <DataTable.Col source="year" disableSort />
        <DataTable.Col source="subjectType" disableSort><EnumText source="subjectType" enumName="AwardSubjectType" /></DataTable.Col>
        <DataTable.Col source="form" disableSort render={(r) => r.form?.nameVi ?? '—'} />
        <DataTable.Col source="criteriaText" disableSort render={(r) => (r.criteriaText.length > 160 ? `${r.criteriaText.slice(0, 160)}…` : r.criteriaText)} />
        <DataTable.Col source="rule" disableSort render={(r) => (r.rule ? '✓' : '—')} />
      </DataTable>
    </List>
  );
}
