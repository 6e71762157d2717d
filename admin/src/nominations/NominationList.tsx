import { DataTable, NumberInput, TextInput, useTranslate } from 'react-admin';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { campaignFilter } from '../awardStandards/AwardStandardList';
import { DateColumn, EnumColumn } from '../common/columns';
import { AwardFormName } from '../awardForms/AwardFormName';
import { EnumInput } from '../common/EnumInput';

const filters = [
  campaignFilter,
  <EnumInput key="status" source="status" enumName="NominationStatus" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
  <TextInput key="standardId" source="standardId" />,
];

export const subjectText = (s: { name: string | null; kind: string; unit: { name: string; code: string } }) =>
  s.name && s.name !== s.unit.name ? `${s.name} · ${s.unit.name} (${s.unit.code})` : `${s.unit.name} (${s.unit.code})`;

/** Nominations by campaign, status and year, paged and sorted (year, status, created, last changed) on the server. */
export function NominationList() {
  const translate = useTranslate();
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (r) => subjectText(r.subject),
          secondary: (r) => [r.year, translate(`enums.AwardOccasion.${r.occasion}`), r.proposingUnit.name].join(' · '),
          tertiary: (r) => translate(`enums.NominationStatus.${r.status}`),
        }}
      >
        <DataTable.Col source="id" />
        <DataTable.Col source="subject" disableSort render={(r) => subjectText(r.subject)} />
        <EnumColumn source="occasion" enumName="AwardOccasion" disableSort />
        <DataTable.Col source="year" />
        <DataTable.Col source="formCode" disableSort>
          <AwardFormName />
        </DataTable.Col>
        <DataTable.Col source="proposingUnit" disableSort render={(r) => r.proposingUnit.name} />
        <EnumColumn source="status" enumName="NominationStatus" chip />
        <DateColumn source="createdAt" />
        <DateColumn source="updatedAt" withTime />
      </RecordTable>
    </ResourceList>
  );
}
