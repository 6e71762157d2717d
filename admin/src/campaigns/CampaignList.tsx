import { BooleanInput, DataTable, NumberInput, SearchInput, useTranslate, type RaRecord } from 'react-admin';
import { dotted } from '../common/format';
import { DateColumn, EnumColumn } from '../common/columns';
import { FilterUnitInput } from '../common/FilterUnitInput';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { EnumInput } from '../common/EnumInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="status" source="status" enumName="CampaignStatus" alwaysOn />,
  <NumberInput key="year" source="year" />,
  <FilterUnitInput key="issuerCode" source="issuerCode" yearSource="year" />,
  <BooleanInput key="rootOnly" source="rootOnly" />,
];

const years = (c: RaRecord & { periodStart: string; periodEnd: string }) => `${c.periodStart.slice(0, 4)}–${c.periodEnd.slice(0, 4)}`;

export function CampaignList() {
  const translate = useTranslate();
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'ASC' }}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (c) => c.name,
          secondary: (c) => dotted(c.issuer?.name, translate(`enums.CampaignStatus.${c.status}`)),
          tertiary: years,
        }}
      >
        <DataTable.Col source="name" />
        <DataTable.Col source="issuer" disableSort render={(c) => c.issuer?.name} />
        <DateColumn source="periodStart" />
        <DateColumn source="periodEnd" disableSort />
        <EnumColumn source="status" enumName="CampaignStatus" chip disableSort />
      </RecordTable>
    </ResourceList>
  );
}
