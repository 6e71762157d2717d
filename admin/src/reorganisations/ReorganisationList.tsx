import { CreateButton, DataTable, DateInput, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { DateColumn, EnumColumn } from '../common/columns';
import { FilterUnitInput } from '../common/FilterUnitInput';
import { useFormat, dotted } from '../common/format';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { EnumInput } from '../common/EnumInput';

interface Named {
  code: string;
  name: string;
}

const filters = [
  <EnumInput key="status" source="status" enumName="ReorganisationStatus" alwaysOn />,
  <EnumInput key="kind" source="kind" enumName="ReorganisationKind" alwaysOn />,
  <FilterUnitInput key="unitCode" source="unitCode" alwaysOn />,
  <DateInput key="effectiveFrom" source="effectiveFrom" />,
  <DateInput key="effectiveTo" source="effectiveTo" />,
];

/** Only system administrators record reorganisations; everyone reads them. */
function Actions() {
  const { permissions } = usePermissions<{ role: string }[]>();
  return <TopToolbar>{(permissions ?? []).some((g) => g.role === 'SYSTEM_ADMIN') && <CreateButton />}</TopToolbar>;
}

export const names = (units: Named[]) => units.map((u) => `${u.name} (${u.code})`).join(', ');

/** Recorded reorganisations of the map, latest effective date first: what went where, on which legal basis. */
export function ReorganisationList() {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <ResourceList filters={filters} actions={<Actions />} sort={{ field: 'effectiveOn', order: 'DESC' }}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (r) => `${names(r.sources)} → ${names(r.results)}`,
          secondary: (r) =>
            dotted(
              translate(`enums.ReorganisationKind.${r.kind}`),
              r.resolutionNumber,
              translate(`enums.ReorganisationStatus.${r.status}`),
            ),
          tertiary: (r) => format.date(r.effectiveOn),
        }}
      >
        <DateColumn source="effectiveOn" />
        <EnumColumn source="kind" enumName="ReorganisationKind" disableSort />
        <DataTable.Col source="sources" disableSort render={(r) => names(r.sources)} />
        <DataTable.Col source="results" disableSort render={(r) => names(r.results)} />
        <DataTable.Col source="resolutionNumber" disableSort />
        <EnumColumn source="status" enumName="ReorganisationStatus" chip disableSort />
      </RecordTable>
    </ResourceList>
  );
}
