import { BooleanInput, DataTable, List, NumberInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { DateText, EnumText } from '../common/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('CampaignStatus')} alwaysOn />,
  <NumberInput key="year" source="year" />,
  <TextInput key="issuerCode" source="issuerCode" />,
  <BooleanInput key="rootOnly" source="rootOnly" />,
];

export function CampaignList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="issuer" disableSort render={(c) => c.issuer?.name} />
        <DataTable.Col source="periodStart"><DateText source="periodStart" /></DataTable.Col>
        <DataTable.Col source="periodEnd" disableSort><DateText source="periodEnd" /></DataTable.Col>
        <DataTable.Col source="status" disableSort><EnumText source="status" enumName="CampaignStatus" chip /></DataTable.Col>
      </DataTable>
    </List>
  );
}
