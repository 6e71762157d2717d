import { DataTable, List, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { EnumText } from '../common/fields';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="authority" source="authority" choices={enumChoices('AwardAuthority')} alwaysOn />,
];

/** The award form catalogue, paged, sorted (rank, name) and filtered (authority, accent-insensitive search) on the server. */
export function AwardFormList() {
  return (
    <List filters={filters} sort={{ field: 'rank', order: 'ASC' }} exporter={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="rank" />
        <DataTable.Col source="authority" disableSort><EnumText source="authority" enumName="AwardAuthority" chip /></DataTable.Col>
        <DataTable.Col source="nameVi" />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="classes" disableSort render={(r) => r.classes.join(', ')} />
        <DataTable.Col source="source" disableSort />
      </DataTable>
    </List>
  );
}
