import { DataTable, TextInput, useTranslate } from 'react-admin';
import { useLocalName } from '../common/fields';
import { EnumColumn } from '../common/columns';
import { Details, RecordTable, ResourceList } from '../common/RecordTable';
import { EnumInput } from '../common/EnumInput';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="authority" source="authority" enumName="AwardAuthority" alwaysOn />,
];

export function AwardFormList() {
  const translate = useTranslate();
  const name = useLocalName();
  return (
    <ResourceList filters={filters} sort={{ field: 'rank', order: 'ASC' }} exporter={false}>
      <RecordTable
        rowClick="expand"
        expand={
          <Details
            rows={(f) => [
              ['resources.awardForms.fields.nameVi', f.nameVi],
              ['resources.awardForms.fields.nameEn', f.nameEn],
              ['resources.awardForms.fields.authority', translate(`enums.AwardAuthority.${f.authority}`)],
              ['resources.awardForms.fields.rank', f.rank],
              ['resources.awardForms.fields.classes', f.classes.join(', ')],
              ['resources.awardForms.fields.source', f.source],
            ]}
          />
        }
        phone={{
          primary: (f) => name(f),
          secondary: (f) => translate(`enums.AwardAuthority.${f.authority}`),
          tertiary: (f) => f.rank,
        }}
      >
        <DataTable.Col source="rank" />
        <EnumColumn source="authority" enumName="AwardAuthority" chip disableSort />
        <DataTable.Col source="nameVi" />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="classes" disableSort render={(r) => r.classes.join(', ')} />
        <DataTable.Col source="source" disableSort />
      </RecordTable>
    </ResourceList>
  );
}
