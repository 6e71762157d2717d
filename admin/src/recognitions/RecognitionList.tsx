import BlockIcon from '@mui/icons-material/Block';
import { BooleanInput, DataTable, DateInput, List, NumberInput, SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { DialogButton } from '../common/DialogButton';
import { enumChoices } from '../common/enums';
import { DateText, EnumText } from '../common/fields';
import { today } from '../common/format';
import { WithinUnitInput } from '../assessments/WithinUnitInput';
import { revokeRecognition } from '../dataProvider/criteria';
import { useCan } from '../capabilities';

function RevokeButton() {
  const decision = useRecordContext();
  const mayRevoke = useCan('DECIDE_RECOGNITIONS', decision?.issuingUnit?.path ?? null);
  if (!decision || decision.revokedOn || !mayRevoke) return null;
  return (
    <DialogButton label="resources.recognitions.revoke.button" title="resources.recognitions.revoke.title" titleArgs={{ number: decision.decisionNumber }}
      icon={<BlockIcon />} done="resources.recognitions.revoke.done" saveLabel="resources.recognitions.revoke.button" defaultValues={{ revokedOn: today() }}
      save={(values) => revokeRecognition({ id: String(decision.id), expectedVersion: decision.version, revokedOn: values.revokedOn, reason: values.reason })}>
      <DateInput source="revokedOn" label="resources.recognitions.fields.revokedOn" validate={required()} />
      <TextInput source="reason" label="resources.recognitions.fields.revocationReason" validate={required()} fullWidth multiline />
    </DialogButton>
  );
}

const filters = [
  <SelectInput key="tier" source="tier" choices={enumChoices('RecognitionTier')} alwaysOn />,
  <NumberInput key="year" source="validInYear" alwaysOn />,
  <WithinUnitInput key="withinCode" source="withinCode" yearSource="validInYear" alwaysOn />,
  <BooleanInput key="synthetic" source="synthetic" />,
];

/** Recognition decisions in force or revoked, sorted by the API (newest decision first by default); revoke one with a reason. */
export function RecognitionList() {
  return (
    <List filters={filters} sort={{ field: 'decidedOn', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="unit" render={(r) => `${r.unit.name} (${r.unit.code})`} />
        <DataTable.Col source="tier"><EnumText source="tier" enumName="RecognitionTier" chip /></DataTable.Col>
        <DataTable.Col source="decisionNumber" />
        <DataTable.Col source="decidedOn"><DateText source="decidedOn" /></DataTable.Col>
        <DataTable.Col source="issuingUnit" disableSort render={(r) => r.issuingUnit.name} />
        <DataTable.Col source="revokedOn" disableSort><DateText source="revokedOn" /></DataTable.Col>
        <DataTable.Col source="synthetic" disableSort render={(r) => (r.synthetic ? '•' : '')} />
        <DataTable.Col disableSort><RevokeButton /></DataTable.Col>
      </DataTable>
    </List>
  );
}
