import { DataTable, List, NumberInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { EnumText, PeriodText } from '../common/fields';

const filters = [
  <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
  <SelectInput key="appliesTo" source="appliesTo" choices={enumChoices('CriteriaLevel')} alwaysOn />,
  <SelectInput key="tier" source="tier" choices={enumChoices('CriteriaTier')} />,
  <NumberInput key="year" source="year" />,
  <TextInput key="code" source="code" />,
];

/** Criteria sets, searched (accent-insensitive), filtered and sorted by the API; by default by period, level, derivation and code. */
export function CriteriaSetList() {
  return (
    <List filters={filters} sort={{ field: 'periodStart', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="tier"><EnumText source="tier" enumName="CriteriaTier" chip /></DataTable.Col>
        <DataTable.Col source="appliesTo" disableSort><EnumText source="appliesTo" enumName="CriteriaLevel" /></DataTable.Col>
        <DataTable.Col source="owner" disableSort render={(s) => s.owner?.name} />
        <DataTable.Col source="parent" disableSort render={(s) => s.parent?.code ?? ''} />
        <DataTable.Col source="periodStart" label="resources.campaigns.fields.period"><PeriodText /></DataTable.Col>
      </DataTable>
    </List>
  );
}
