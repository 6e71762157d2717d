import { DataTable, NumberInput, TextInput, useTranslate } from 'react-admin';
import { DateColumn, EnumColumn, NumberColumn } from '../common/columns';
import { useFormat, dotted } from '../common/format';
import { Details, RecordTable, ResourceList } from '../common/RecordTable';
import { campaignFilter } from '../awardStandards/AwardStandardList';

const filters = [
  campaignFilter,
  <NumberInput key="year" source="year" alwaysOn />,
  <TextInput key="contributorId" source="contributorId" />,
  <TextInput key="mobilisedById" source="mobilisedById" />,
];

const who = (c: { name: string | null; kind: string; unit: { name: string; code: string } } | null) =>
  c ? `${c.name ?? '—'} · ${c.unit.name} (${c.unit.code})` : '';

const quantity = (amount: number | null | undefined, unit: string | null | undefined, format: ReturnType<typeof useFormat>) =>
  amount != null ? `${format.number(amount)} ${unit ?? ''}`.trim() : '';

/** The contributions ledger, paged and sorted (date, value) on the server; VND with grouping. */
export function ContributionList() {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <ResourceList filters={filters} sort={{ field: 'contributedOn', order: 'DESC' }}>
      <RecordTable
        rowClick="expand"
        expand={
          <Details
            rows={(r) => [
              ['resources.contributions.fields.contributedOn', format.date(r.contributedOn)],
              ['resources.contributions.fields.contributor', who(r.contributor)],
              ['resources.contributions.fields.contributor.kind', translate(`enums.ContributorKind.${r.contributor.kind}`)],
              ['resources.contributions.fields.kind', translate(`enums.ContributionKind.${r.kind}`)],
              ['resources.contributions.fields.quantity', quantity(r.quantity, r.quantityUnit, format)],
              ['resources.contributions.fields.unitPriceVnd', r.unitPriceVnd != null ? format.vnd(r.unitPriceVnd) : null],
              ['resources.contributions.fields.valueVnd', format.vnd(r.valueVnd)],
              ['resources.contributions.fields.mobilisedBy', who(r.mobilisedBy)],
              ['resources.contributions.fields.description', r.description],
            ]}
          />
        }
        phone={{
          primary: (r) => r.contributor?.name ?? who(r.contributor),
          secondary: (r) => dotted(format.date(r.contributedOn), translate(`enums.ContributionKind.${r.kind}`), r.contributor?.unit?.name),
          tertiary: (r) => format.vnd(r.valueVnd),
        }}
      >
        <DateColumn source="contributedOn" />
        <DataTable.Col source="contributor" disableSort render={(r) => who(r.contributor)} />
        <EnumColumn source="contributor.kind" enumName="ContributorKind" disableSort />
        <EnumColumn source="kind" enumName="ContributionKind" chip disableSort />
        <DataTable.Col source="quantity" disableSort render={(r) => quantity(r.quantity, r.quantityUnit, format)} />
        <NumberColumn source="unitPriceVnd" vnd disableSort align="right" />
        <NumberColumn source="valueVnd" vnd align="right" />
        <DataTable.Col source="mobilisedBy" disableSort render={(r) => who(r.mobilisedBy)} />
        <DataTable.Col source="description" disableSort />
      </RecordTable>
    </ResourceList>
  );
}
