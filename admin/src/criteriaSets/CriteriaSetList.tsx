import { DataTable, NumberInput, TextInput, useTranslate } from 'react-admin';
import { dotted } from '../common/format';
import { PeriodText, useLocalName } from '../common/fields';
import { EnumColumn } from '../common/columns';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { EnumInput } from '../common/EnumInput';

const filters = [
  <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
  <EnumInput key="appliesTo" source="appliesTo" enumName="CriteriaLevel" alwaysOn />,
  <EnumInput key="tier" source="tier" enumName="CriteriaTier" />,
  <NumberInput key="year" source="year" />,
  <TextInput key="code" source="code" />,
];

/** Criteria sets, searched (accent-insensitive), filtered and sorted by the API; by default by period, level, derivation and code. */
export function CriteriaSetList() {
  const translate = useTranslate();
  const name = useLocalName();
  return (
    <ResourceList filters={filters} sort={{ field: 'periodStart', order: 'ASC' }}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (s) => name(s),
          secondary: (s) =>
            dotted(translate(`enums.CriteriaTier.${s.tier}`), translate(`enums.CriteriaLevel.${s.appliesTo}`), s.owner?.name),
          tertiary: (s) => `${s.periodStart.slice(0, 4)}–${s.periodEnd?.slice(0, 4) ?? ''}`,
        }}
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" render={(s) => name(s)} />
        <EnumColumn source="tier" enumName="CriteriaTier" chip />
        <EnumColumn source="appliesTo" enumName="CriteriaLevel" disableSort />
        <DataTable.Col source="owner" disableSort render={(s) => s.owner?.name} />
        <DataTable.Col source="parent" disableSort render={(s) => s.parent?.code ?? ''} />
        <DataTable.Col source="periodStart" label="resources.campaigns.fields.period">
          <PeriodText />
        </DataTable.Col>
      </RecordTable>
    </ResourceList>
  );
}
