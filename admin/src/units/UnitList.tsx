import { DataTable, DateInput, List, SearchInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { DateText, EnumText } from '../common/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={enumChoices('UnitLevel')} alwaysOn />,
  <DateInput key="asOf" source="asOf" alwaysOn helperText="app.asOfHint" />,
  <TextInput key="parentCode" source="parentCode" />,
  <TextInput key="withinCode" source="withinCode" />,
  <SelectInput key="kind" source="kind" choices={enumChoices('UnitKind')} />,
];

/** Units: searched without accents, filtered by level and parent, read "as of" a date (codes change in 2025). */
export function UnitList() {
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="level"><EnumText source="level" enumName="UnitLevel" /></DataTable.Col>
        <DataTable.Col source="kind" disableSort><EnumText source="kind" enumName="UnitKind" /></DataTable.Col>
        <DataTable.Col source="parent" disableSort render={(u) => u.parent?.name ?? ''} />
        <DataTable.Col source="validFrom" disableSort><DateText source="validFrom" /></DataTable.Col>
        <DataTable.Col source="validTo" disableSort><DateText source="validTo" /></DataTable.Col>
      </DataTable>
    </List>
  );
}
