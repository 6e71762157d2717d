import { Link as MuiLink } from '@mui/material';
import { AutocompleteInput, DataTable, List, NumberInput, ReferenceInput, SelectInput, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { campaignFilter } from '../awardStandards/AwardStandardList';
import { DateText, EnumText } from '../common/fields';
import { subjectText } from '../nominations/NominationList';

const filters = [
  campaignFilter,
  <NumberInput key="year" source="year" alwaysOn />,
  <ReferenceInput key="formCode" source="formCode" reference="awardForms" sort={{ field: 'rank', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="nameVi" />
  </ReferenceInput>,
  <ReferenceInput key="subjectUnitId" source="subjectUnitId" reference="units" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText={(u: { name: string; code: string }) => `${u.name} (${u.code})`} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: { xs: '100%', sm: 320 } }} />
  </ReferenceInput>,
];

function NominationLink({ id }: { id: string | null }) {
  const translate = useTranslate();
  if (!id) return <span>—</span>;
  return <MuiLink component={Link} to={`/nominations/${id}/show`}>{translate('resources.awards.nominationLink', { id })}</MuiLink>;
}

/**
 * Awards decided, paged, sorted (decision date, occasion year, recorded order) and filtered (campaign, year, form,
 * subject unit) on the server; the subject opens its unit, the last column the nomination decided.
 */
export function AwardList() {
  return (
    <List filters={filters} sort={{ field: 'decidedOn', order: 'DESC' }} exporter={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="decidedOn"><DateText source="decidedOn" /></DataTable.Col>
        <DataTable.Col source="decisionNumber" disableSort />
        <DataTable.Col source="occasion" disableSort><EnumText source="occasion" enumName="AwardOccasion" /></DataTable.Col>
        <DataTable.Col source="year" />
        <DataTable.Col source="form" disableSort render={(r) => r.form.nameVi} />
        <DataTable.Col source="subject" disableSort render={(r) => <MuiLink component={Link} to={`/units/${r.subject.unit.id}/show`}>{subjectText(r.subject)}</MuiLink>} />
        <DataTable.Col source="decidingUnit" disableSort render={(r) => r.decidingUnit.name} />
        <DataTable.Col source="signer" disableSort />
        <DataTable.Col source="nominationId" disableSort render={(r) => <NominationLink id={r.nominationId} />} />
        <DataTable.Col source="id" />
      </DataTable>
    </List>
  );
}
