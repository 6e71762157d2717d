import { DataTable, List, NumberInput, TextInput } from 'react-admin';
import { DateText, EnumText, NumberText } from '../common/fields';
import { campaignFilter } from '../awardStandards/AwardStandardList';

const filters = [
  campaignFilter,
  <NumberInput key="year" source="year" alwaysOn />,
  <TextInput key="contributorId" source="contributorId" />,
  <TextInput key="mobilisedById" source="mobilisedById" />,
];

const who = (c: { name: string | null; kind: string; unit: { name: string; code: string } } | null) => (c ? `${c.name ?? '—'} · ${c.unit.name} (${c.unit.code})` : '');

/** The contributions ledger, paged and sorted (date, value) on the server; VND with grouping. */
export function ContributionList() {
  return (
    <List filters={filters} sort={{ field: 'contributedOn', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="contributedOn"><DateText source="contributedOn" /></DataTable.Col>
        <DataTable.Col source="contributor" disableSort render={(r) => who(r.contributor)} />
        <DataTable.Col source="contributor.kind" disableSort><EnumText source="contributor.kind" enumName="ContributorKind" /></DataTable.Col>
        <DataTable.Col source="kind" disableSort><EnumText source="kind" enumName="ContributionKind" chip /></DataTable.Col>
        <DataTable.Col source="quantity" disableSort render={(r) => (r.quantity != null ? `${r.quantity} ${r.quantityUnit ?? ''}` : '')} />
        <DataTable.Col source="unitPriceVnd" disableSort align="right"><NumberText source="unitPriceVnd" vnd /></DataTable.Col>
        <DataTable.Col source="valueVnd" align="right"><NumberText source="valueVnd" vnd /></DataTable.Col>
        <DataTable.Col source="mobilisedBy" disableSort render={(r) => who(r.mobilisedBy)} />
        <DataTable.Col source="description" disableSort />
      </DataTable>
    </List>
  );
}
