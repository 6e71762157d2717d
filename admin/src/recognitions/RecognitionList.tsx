import BlockIcon from '@mui/icons-material/Block';
import { BooleanInput, DataTable, DateInput, NumberInput, TextInput, required, useRecordContext, useTranslate } from 'react-admin';
import { DialogButton } from '../common/DialogButton';
import { DateColumn, EnumColumn } from '../common/columns';
import { useFormat, dotted } from '../common/format';
import { Details, RecordTable, ResourceList, RowAction } from '../common/RecordTable';
import { today } from '../common/format';
import { FilterUnitInput } from '../common/FilterUnitInput';
import { useCan } from '../capabilities';
import { useHub } from '../common/useHub';
import { EnumInput } from '../common/EnumInput';

function RevokeButton() {
  const hub = useHub();
  const decision = useRecordContext();
  const mayRevoke = useCan('DECIDE_RECOGNITIONS', decision?.issuingUnit?.path ?? null);
  if (!decision || decision.revokedOn || !mayRevoke) return null;
  return (
    <DialogButton
      keys="resources.recognitions.revoke"
      titleArgs={{ number: decision.decisionNumber }}
      icon={<BlockIcon />}
      confirms
      defaultValues={{ revokedOn: today() }}
      save={(values) =>
        hub.revokeRecognition({
          id: String(decision.id),
          expectedVersion: decision.version,
          revokedOn: values.revokedOn,
          reason: values.reason,
        })
      }
    >
      <DateInput source="revokedOn" label="resources.recognitions.fields.revokedOn" validate={required()} />
      <TextInput source="reason" label="resources.recognitions.fields.revocationReason" validate={required()} fullWidth multiline />
    </DialogButton>
  );
}

const filters = [
  <EnumInput key="tier" source="tier" enumName="RecognitionTier" alwaysOn />,
  <NumberInput key="year" source="validInYear" alwaysOn />,
  <FilterUnitInput key="withinCode" source="withinCode" yearSource="validInYear" alwaysOn />,
  <BooleanInput key="synthetic" source="synthetic" />,
];

/** Recognition decisions in force or revoked, sorted by the API (newest decision first by default); revoke one with a reason. */
export function RecognitionList() {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <ResourceList filters={filters} sort={{ field: 'decidedOn', order: 'DESC' }}>
      <RecordTable
        rowClick="expand"
        expand={
          <Details
            actions={<RevokeButton />}
            rows={(r) => [
              ['resources.recognitions.fields.unit', `${r.unit.name} (${r.unit.code})`],
              ['resources.recognitions.fields.tier', translate(`enums.RecognitionTier.${r.tier}`)],
              ['resources.recognitions.fields.decisionNumber', r.decisionNumber],
              ['resources.recognitions.fields.decidedOn', format.date(r.decidedOn)],
              ['resources.recognitions.fields.issuingUnit', r.issuingUnit.name],
              ['resources.recognitions.fields.criteriaSetId', r.criteriaSet?.code],
              ['resources.recognitions.fields.revokedOn', format.date(r.revokedOn)],
              ['resources.recognitions.fields.revocationReason', r.revocationReason],
              ['resources.recognitions.fields.synthetic', r.synthetic ? translate('app.synthetic') : null],
            ]}
          />
        }
        phone={{
          primary: (r) => `${r.unit.name} (${r.unit.code})`,
          secondary: (r) =>
            dotted(
              translate(`enums.RecognitionTier.${r.tier}`),
              r.decisionNumber,
              r.revokedOn ? translate('resources.recognitions.fields.revokedOn') : null,
            ),
          tertiary: (r) => format.date(r.decidedOn),
        }}
      >
        <DataTable.Col source="unit" render={(r) => `${r.unit.name} (${r.unit.code})`} />
        <EnumColumn source="tier" enumName="RecognitionTier" chip />
        <DataTable.Col source="decisionNumber" />
        <DateColumn source="decidedOn" />
        <DataTable.Col source="issuingUnit" disableSort render={(r) => r.issuingUnit.name} />
        <DateColumn source="revokedOn" disableSort />
        <DataTable.Col source="synthetic" disableSort render={(r) => (r.synthetic ? '•' : '')} />
        <DataTable.Col disableSort>
          <RowAction>
            <RevokeButton />
          </RowAction>
        </DataTable.Col>
      </RecordTable>
    </ResourceList>
  );
}
