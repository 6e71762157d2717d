import { Chip, Stack, TableCell, TableRow } from '@mui/material';
import { TextField, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText, EnumText } from '../common/fields';
import { useFormat } from '../common/format';
import { TabbedRecord, type RecordSections } from '../common/TabbedRecord';
import { subjectText } from './NominationList';
import { AwardFormName } from '../awardForms/AwardFormName';
import { WorkflowActions } from './WorkflowActions';
import { Dossier } from './Dossier';
import { SimpleTable } from '../common/SimpleTable';

/** Every step: who, when, from, to, why. */
function History() {
  const nomination = useRecordContext();
  const translate = useTranslate();
  const format = useFormat();
  const status = (s: string | null) => (s ? translate(`enums.NominationStatus.${s}`) : '—');
  return (
    <SimpleTable
      data-testid="history"
      prefix="resources.nominations.history"
      labels={['at', 'username', 'unit', 'from', 'to', 'receivedOn', 'reason']}
    >
      {(nomination?.transitions ?? []).map((t: RaRecord) => (
        <TableRow key={t.id} data-to={t.to}>
          <TableCell>{format.dateTime(t.at)}</TableCell>
          <TableCell>{t.username}</TableCell>
          <TableCell>{t.unit?.name ?? ''}</TableCell>
          <TableCell>{status(t.from)}</TableCell>
          <TableCell>{status(t.to)}</TableCell>
          <TableCell>{t.receivedOn ? format.date(t.receivedOn) : ''}</TableCell>
          <TableCell>{t.reason ?? ''}</TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

/** The way the nomination goes, the level holding it now in bold: proposer, each reviewing level, the deciding level. */
function Levels(_props: { label: string }) {
  const nomination = useRecordContext();
  const translate = useTranslate();
  if (!nomination?.levels) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="nomination-levels">
      {nomination.levels.map((l: { role: string; current: boolean; unit: { id: string; name: string } }, i: number) => (
        <Chip
          key={`${l.unit.id}-${i}`}
          size="small"
          color={l.current ? 'primary' : 'default'}
          variant={l.current ? 'filled' : 'outlined'}
          label={`${l.unit.name} · ${translate(`resources.nominations.levelRoles.${l.role}`)}`}
        />
      ))}
    </Stack>
  );
}

function Subject(_props: { label: string }) {
  const nomination = useRecordContext();
  return nomination ? <span>{subjectText(nomination.subject)}</span> : null;
}

function StandardLink(_props: { label: string }) {
  const nomination = useRecordContext();
  if (!nomination) return null;
  return <Link to={`/awardStandards/${nomination.standard.id}/show`}>{nomination.standard.criteriaText.slice(0, 200)}</Link>;
}

function Award(_props: { label: string }) {
  const nomination = useRecordContext();
  const format = useFormat();
  const award = nomination?.award;
  if (!award) return <span>—</span>;
  return <Chip color="success" label={`${award.decisionNumber} · ${format.date(award.decidedOn)} · ${award.signer}`} />;
}

/** The nomination's tabs after its summary. */
const SECTIONS: RecordSections = [
  ['dossier', <Dossier />],
  ['history', <History />],
];

/** A nomination: subject, standard, status, the dossier checklist, the workflow's next steps and the transition history. */
export function NominationShow() {
  return (
    <TabbedRecord labels="resources.nominations.tabs" actions={<WorkflowActions />} sections={SECTIONS}>
      <Subject label="resources.nominations.fields.subject" />
      <EnumText source="status" enumName="NominationStatus" chip />
      <StandardLink label="resources.nominations.fields.standard" />
      <EnumText source="occasion" enumName="AwardOccasion" />
      <TextField source="year" />
      <AwardFormName source="formCode" label="resources.nominations.fields.formCode" />
      <TextField source="proposingUnit.name" label="resources.nominations.fields.proposingUnit" />
      <TextField source="decidingUnit.name" label="resources.nominations.fields.decidingUnit" />
      <Levels label="resources.nominations.fields.levels" />
      <DateText source="createdAt" withTime />
      <Award label="resources.nominations.fields.award" />
    </TabbedRecord>
  );
}
