import { AutocompleteInput, BooleanInput, DataTable, NumberInput, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useLocalName } from '../common/fields';
import { EnumColumn } from '../common/columns';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { EnumInput } from '../common/EnumInput';

export const campaignFilter = (
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: { xs: '100%', sm: 420 } }} />
  </ReferenceInput>
);

const filters = [
  campaignFilter,
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="occasion" source="occasion" enumName="AwardOccasion" alwaysOn />,
  <EnumInput key="subjectType" source="subjectType" enumName="AwardSubjectType" />,
  <ReferenceInput key="formCode" source="formCode" reference="awardForms" sort={{ field: 'rank', order: 'ASC' }}>
    <SelectInput optionText="nameVi" />
  </ReferenceInput>,
  <NumberInput key="year" source="year" />,
  <BooleanInput key="hasRule" source="hasRule" />,
];

const shortText = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** Award standards of every campaign, filtered, searched (accent-insensitive), sorted and paged on the server. */
export function AwardStandardList() {
  const translate = useTranslate();
  const name = useLocalName();
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'ASC' }}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (r) => (r.form ? name(r.form) : shortText(r.criteriaText, 80)),
          secondary: (r) =>
            [translate(`enums.AwardOccasion.${r.occasion}`), translate(`enums.AwardSubjectType.${r.subjectType}`)].join(' · '),
          tertiary: (r) => r.year ?? '',
        }}
      >
        <EnumColumn source="occasion" enumName="AwardOccasion" chip disableSort />
        <DataTable.Col source="year" />
        <EnumColumn source="subjectType" enumName="AwardSubjectType" />
        <DataTable.Col source="form" render={(r) => (r.form ? name(r.form) : '—')} />
        <DataTable.Col source="criteriaText" disableSort render={(r) => shortText(r.criteriaText, 160)} />
        <DataTable.Col source="rule" disableSort render={(r) => (r.rule ? '✓' : '—')} />
      </RecordTable>
    </ResourceList>
  );
}
