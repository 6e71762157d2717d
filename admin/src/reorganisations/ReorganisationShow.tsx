import UndoIcon from '@mui/icons-material/Undo';
import { Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DialogButton } from '../common/DialogButton';
import { DateText, EnumText } from '../common/fields';
import { useHub } from '../common/useHub';

interface Side {
  unitId: string;
  code: string;
  name: string;
  share?: string;
  continues?: boolean;
  created?: boolean;
}

/** Sources or results, each linked to its unit (a withdrawn event's new units no longer exist). */
function Units({ source }: { source: 'sources' | 'results' }) {
  const event = useRecordContext();
  const translate = useTranslate();
  if (!event) return null;
  const gone = event.status === 'WITHDRAWN';
  return (
    <Stack spacing={0.5}>
      {(event[source] as Side[]).map((u) => (
        <Typography key={u.unitId} variant="body2">
          {gone && u.created ? (
            `${u.name} (${u.code})`
          ) : (
            <MuiLink component={Link} to={`/units/${u.unitId}/show`}>
              {u.name} ({u.code})
            </MuiLink>
          )}
          {u.share ? ` — ${translate(`enums.LineageShare.${u.share}`)}` : ''}
          {u.continues ? ` · ${translate('resources.reorganisations.continues')}` : ''}
          {u.created
            ? ` · ${translate('resources.reorganisations.created')}`
            : u.created === false
              ? ` · ${translate('resources.reorganisations.existing')}`
              : ''}
        </Typography>
      ))}
    </Stack>
  );
}

/** Withdraws a recorded event before its date (system administrators): its new units go, closed ones reopen. */
function Withdraw() {
  const hub = useHub();
  const event = useRecordContext();
  const { permissions } = usePermissions<{ role: string }[]>();
  const translate = useTranslate();
  if (!event || event.status !== 'RECORDED' || event.inEffect || !(permissions ?? []).some((g) => g.role === 'SYSTEM_ADMIN')) return null;
  return (
    <DialogButton
      keys="resources.reorganisations.withdraw"
      titleArgs={{ number: event.resolutionNumber }}
      icon={<UndoIcon />}
      confirms
      testId="withdraw-reorganisation"
      save={(values) => hub.withdrawReorganisation({ id: String(event.id), reason: values.reason, expectedVersion: event.version })}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('resources.reorganisations.withdraw.help')}
      </Typography>
      <TextInput source="reason" label="app.reason" validate={required()} fullWidth multiline />
    </DialogButton>
  );
}

export function ReorganisationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <EnumText source="kind" enumName="ReorganisationKind" label="resources.reorganisations.fields.kind" />
        <EnumText source="status" enumName="ReorganisationStatus" label="resources.reorganisations.fields.status" chip />
        <DateText source="effectiveOn" label="resources.reorganisations.fields.effectiveOn" />
        <EnumText source="level" enumName="UnitLevel" label="resources.reorganisations.fields.level" />
        <TextField source="resolutionNumber" />
        <DateText source="resolutionDate" label="resources.reorganisations.fields.resolutionDate" />
        <TextField source="issuer" emptyText="—" />
        <TextField source="note" emptyText="—" />
        <Units source="sources" />
        <Units source="results" />
        <NumberField source="movedCount" />
        <TextField source="recordedBy" />
        <DateText source="recordedAt" withTime label="resources.reorganisations.fields.recordedAt" />
        <TextField source="withdrawalReason" emptyText="—" />
        <Withdraw />
      </SimpleShowLayout>
    </Show>
  );
}
