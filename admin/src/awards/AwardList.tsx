import { Link as MuiLink } from '@mui/material';
import { AutocompleteInput, DataTable, NumberInput, ReferenceInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { campaignFilter } from '../awardStandards/AwardStandardList';
import { useLocalName } from '../common/fields';
import { DateColumn, EnumColumn } from '../common/columns';
import { useFormat, dotted } from '../common/format';
import { Details, RecordTable, ResourceList, RowAction } from '../common/RecordTable';
import { subjectText } from '../nominations/NominationList';

const filters = [
  campaignFilter,
  <NumberInput key="year" source="year" alwaysOn />,
  <ReferenceInput key="formCode" source="formCode" reference="awardForms" sort={{ field: 'rank', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="nameVi" />
  </ReferenceInput>,
  <ReferenceInput key="subjectUnitId" source="subjectUnitId" reference="units" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput
      optionText={(u: { name: string; code: string }) => `${u.name} (${u.code})`}
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: { xs: '100%', sm: 320 } }}
    />
  </ReferenceInput>,
];

function NominationLink({ id }: { id: string | null }) {
  const translate = useTranslate();
  if (!id) return <span>—</span>;
  return (
    <MuiLink component={Link} to={`/nominations/${id}/show`}>
      {translate('resources.awards.nominationLink', { id })}
    </MuiLink>
  );
}

function SubjectLink() {
  const r = useRecordContext();
  if (!r) return null;
  return (
    <MuiLink component={Link} to={`/units/${r.subject.unit.id}/show`}>
      {subjectText(r.subject)}
    </MuiLink>
  );
}

/**
 * Awards decided, paged, sorted (decision date, occasion year, recorded order) and filtered (campaign, year, form,
 * subject unit) on the server; the subject opens its unit, the last column the nomination decided.
 */
export function AwardList() {
  const translate = useTranslate();
  const format = useFormat();
  const name = useLocalName();
  return (
    <ResourceList filters={filters} sort={{ field: 'decidedOn', order: 'DESC' }} exporter={false}>
      <RecordTable
        rowClick="expand"
        expand={
          <Details
            rows={(r) => [
              ['resources.awards.fields.subject', <SubjectLink />],
              ['resources.awards.fields.form', name(r.form)],
              ['resources.awards.fields.occasion', `${translate(`enums.AwardOccasion.${r.occasion}`)} ${r.year}`],
              ['resources.awards.fields.decisionNumber', r.decisionNumber],
              ['resources.awards.fields.decidedOn', format.date(r.decidedOn)],
              ['resources.awards.fields.decidingUnit', r.decidingUnit.name],
              ['resources.awards.fields.signer', r.signer],
              ['resources.awards.fields.nominationId', <NominationLink id={r.nominationId} />],
            ]}
          />
        }
        phone={{
          primary: (r) => subjectText(r.subject),
          secondary: (r) => dotted(name(r.form), r.decisionNumber),
          tertiary: (r) => format.date(r.decidedOn),
        }}
      >
        <DateColumn source="decidedOn" />
        <DataTable.Col source="decisionNumber" disableSort />
        <EnumColumn source="occasion" enumName="AwardOccasion" disableSort />
        <DataTable.Col source="year" />
        <DataTable.Col source="form" disableSort render={(r) => name(r.form)} />
        <DataTable.Col
          source="subject"
          disableSort
          render={() => (
            <RowAction>
              <SubjectLink />
            </RowAction>
          )}
        />
        <DataTable.Col source="decidingUnit" disableSort render={(r) => r.decidingUnit.name} />
        <DataTable.Col source="signer" disableSort />
        <DataTable.Col
          source="nominationId"
          disableSort
          render={(r) => (
            <RowAction>
              <NominationLink id={r.nominationId} />
            </RowAction>
          )}
        />
        <DataTable.Col source="id" />
      </RecordTable>
    </ResourceList>
  );
}
