import BlockIcon from '@mui/icons-material/Block';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput, Button, DataTable, DateInput, Form, List, NumberInput, SaveButton, SelectInput, TextInput, Toolbar, required, useNotify,
  useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/enums';
import { DateText, EnumText } from '../common/fields';
import { today } from '../common/format';
import { WithinUnitInput } from '../assessments/WithinUnitInput';
import { revokeRecognition } from '../dataProvider/criteria';

function RevokeButton() {
  const decision = useRecordContext();
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!decision || decision.revokedOn) return null;
  const submit = async (values: Record<string, string>) => {
    try {
      await revokeRecognition({ id: String(decision.id), expectedVersion: decision.version, revokedOn: values.revokedOn, reason: values.reason });
      notify('resources.recognitions.revoke.done', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="resources.recognitions.revoke.button" onClick={(e) => { e.stopPropagation(); setOpen(true); }}><BlockIcon /></Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.recognitions.revoke.title', { number: decision.decisionNumber })}</DialogTitle>
        <DialogContent>
          <Form onSubmit={submit} defaultValues={{ revokedOn: today() }}>
            <DateInput source="revokedOn" label="resources.recognitions.fields.revokedOn" validate={required()} />
            <TextInput source="reason" label="resources.recognitions.fields.revocationReason" validate={required()} fullWidth multiline />
            <Toolbar><SaveButton label="resources.recognitions.revoke.button" alwaysEnable /></Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
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
