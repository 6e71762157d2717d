import { DataTable, List, NumberInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { EnumText, PeriodText } from '../common/fields';

const filters = [
  <TextInput key="code" source="code" alwaysOn />,
  <SelectInput key="appliesTo" source="appliesTo" choices={enumChoices('CriteriaLevel')} alwaysOn />,
  <SelectInput key="tier" source="tier" choices={enumChoices('CriteriaTier')} />,
  <NumberInput key="year" source="year" />,
];

/** Criteria sets; the API orders them by period, level, derivation and code. */
export function CriteriaSetList() {
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="tier" disableSort><EnumText source="tier" enumName="CriteriaTier" chip /></DataTable.Col>
        <DataTable.Col source="appliesTo" disableSort><EnumText source="appliesTo" enumName="CriteriaLevel" /></DataTable.Col>
        <DataTable.Col source="owner" disableSort render={(s) => s.owner?.name} />
        <DataTable.Col source="parent" disableSort render={(s) => s.parent?.code ?? ''} />
        <DataTable.Col label="resources.campaigns.fields.period" disableSort><PeriodText /></DataTable.Col>
      </DataTable>
    </List>
  );
}
