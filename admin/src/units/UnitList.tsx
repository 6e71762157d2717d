import { DateInput, DataTable, SearchInput, useTranslate } from 'react-admin';
import { dotted } from '../common/format';
import { AsOfHelp } from '../common/AsOfHelp';
import { DateColumn, EnumColumn } from '../common/columns';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { FilterUnitInput } from '../common/FilterUnitInput';
import { EnumInput } from '../common/EnumInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="level" source="level" enumName="UnitLevel" alwaysOn />,
  <DateInput key="asOf" source="asOf" alwaysOn helperText="app.asOfHint" InputProps={{ endAdornment: <AsOfHelp /> }} />,
  <FilterUnitInput key="parentCode" source="parentCode" asOfSource="asOf" />,
  <FilterUnitInput key="withinCode" source="withinCode" asOfSource="asOf" />,
  <EnumInput key="kind" source="kind" enumName="UnitKind" />,
];

/** Units: searched without accents, filtered by level and parent, read "as of" a date (codes change in 2025). */
export function UnitList() {
  const translate = useTranslate();
  return (
    <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (u) => u.name,
          secondary: (u) => dotted(translate(`enums.UnitLevel.${u.level}`), u.parent?.name),
          tertiary: (u) => u.code,
        }}
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <EnumColumn source="level" enumName="UnitLevel" />
        <EnumColumn source="kind" enumName="UnitKind" disableSort />
        <DataTable.Col source="parent" disableSort render={(u) => u.parent?.name ?? ''} />
        <DateColumn source="validFrom" disableSort />
        <DateColumn source="validTo" disableSort />
      </RecordTable>
    </ResourceList>
  );
}
