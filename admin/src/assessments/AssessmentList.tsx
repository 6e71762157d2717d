import { BooleanInput, DataTable, NumberInput, ReferenceInput, SelectInput } from 'react-admin';
import { dotted } from '../common/format';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { DateColumn } from '../common/columns';
import { FilterUnitInput } from '../common/FilterUnitInput';

const filters = [
  <ReferenceInput key="set" source="criteriaSetId" reference="criteriaSets" alwaysOn filter={{ appliesTo: 'COMMUNE' }}>
    <SelectInput optionText="code" />
  </ReferenceInput>,
  <NumberInput key="year" source="year" alwaysOn />,
  <FilterUnitInput key="withinCode" source="withinCode" yearSource="year" alwaysOn />,
  <BooleanInput key="allMet" source="allMet" />,
  <BooleanInput key="synthetic" source="synthetic" />,
];

/** Assessments, filtered by set, year, territory and outcome, and sorted by the API (newest year first by default). */
export function AssessmentList() {
  return (
    <ResourceList filters={filters} filterDefaultValues={{ year: 2025 }} sort={{ field: 'year', order: 'DESC' }}>
      <RecordTable
        rowClick="show"
        phone={{
          primary: (a) => `${a.unit.name} (${a.unit.code})`,
          secondary: (a) => dotted(a.year, a.unit.parent?.name, a.criteriaSet.code),
          tertiary: (a) => `${a.metCount}/${a.criteriaCount}`,
        }}
      >
        <DataTable.Col source="unit" render={(a) => `${a.unit.name} (${a.unit.code})`} />
        <DataTable.Col source="unit.parent" label="resources.units.fields.parent" disableSort render={(a) => a.unit.parent?.name ?? ''} />
        <DataTable.Col source="year" />
        <DataTable.Col source="criteriaSet" disableSort render={(a) => a.criteriaSet.code} />
        <DataTable.Col source="metCount" render={(a) => `${a.metCount}/${a.criteriaCount}`} />
        <DataTable.Col source="allMet" disableSort render={(a) => (a.allMet ? '✓' : '')} />
        <DataTable.Col source="synthetic" disableSort render={(a) => (a.synthetic ? '•' : '')} />
        <DateColumn source="updatedAt" withTime />
      </RecordTable>
    </ResourceList>
  );
}
