import {
  Box,
  Button as MuiButton,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Labeled, TextField, TopToolbar, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText, EnumText } from '../common/fields';
import { today, useFormat } from '../common/format';
import { TabbedRecord, type RecordSections } from '../common/TabbedRecord';
import { useCan } from '../capabilities';
import { subjectText } from './NominationList';
import { AwardFormName } from '../awardForms/AwardFormName';
import { useHub } from '../common/useHub';

/** The workflow's next steps as buttons; returning needs a reason, deciding a number, date and signer. */
function WorkflowActions() {
  const hub = useHub();
  const nomination = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [step, setStep] = useState<string | null>(null);
  const [values, setValues] = useState({ reason: '', decisionNumber: '', decidedOn: today(), signer: '' });
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  // The API says which steps are open (nextSteps); who may take them, its capability table: the proposing unit submits
  // what it holds (no current level), the level holding the nomination takes every other step, the decision included.
  const withProposer = !nomination?.currentUnit;
  const mayPropose = useCan('PROPOSE_NOMINATIONS', withProposer ? (nomination?.proposingUnit?.path ?? null) : null);
  const mayReview = useCan('DECIDE_NOMINATIONS', nomination?.currentUnit?.path ?? null);
  if (!nomination) return null;
  const possible: string[] = nomination.nextSteps ?? [];
  const steps = possible.filter(() => (withProposer ? mayPropose : mayReview));
  const withheld = possible.length > steps.length;
  const status = (s: string) => translate(`enums.NominationStatus.${s}`);
  const submit = async () => {
    if (step === 'RETURNED' && !values.reason.trim()) {
      setMissing(true);
      return;
    }
    if (step === 'DECIDED' && (!values.decisionNumber.trim() || !values.decidedOn || !values.signer.trim())) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      if (step === 'DECIDED') {
        await hub.decideNomination({
          id: String(nomination.id),
          expectedVersion: nomination.version,
          decisionNumber: values.decisionNumber.trim(),
          decidedOn: values.decidedOn,
          signer: values.signer.trim(),
        });
      } else {
        await hub.transitionNomination(String(nomination.id), step!, nomination.version, values.reason.trim() || null);
      }
      notify('resources.nominations.actions.done', { type: 'success', messageArgs: { status: status(step!) } });
      setStep(null);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <TopToolbar>
      {possible.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>
          {translate('resources.nominations.actions.none')}
        </Typography>
      )}
      {withheld && (
        <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }} data-testid="steps-withheld">
          {translate('resources.nominations.actions.notYours', {
            steps: possible
              .filter((s) => !steps.includes(s))
              .map(status)
              .join(', '),
          })}
        </Typography>
      )}
      {steps.map((s) => (
        <MuiButton
          key={s}
          variant={s === 'RETURNED' ? 'outlined' : 'contained'}
          color={s === 'RETURNED' ? 'warning' : 'primary'}
          size="small"
          data-step={s}
          onClick={() => {
            setValues({ reason: '', decisionNumber: '', decidedOn: today(), signer: '' });
            setMissing(false);
            setStep(s);
          }}
        >
          {translate(`resources.nominations.actions.${s}`)}
        </MuiButton>
      ))}
      <Dialog open={!!step} onClose={() => setStep(null)} fullWidth maxWidth="sm">
        <DialogTitle>{step && translate('resources.nominations.actions.title', { status: status(step) })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {step === 'DECIDED' && (
              <>
                <MuiTextField
                  label={translate('resources.nominations.actions.decisionNumber')}
                  value={values.decisionNumber}
                  required
                  error={missing && !values.decisionNumber.trim()}
                  onChange={(e) => setValues({ ...values, decisionNumber: e.target.value })}
                />
                <MuiTextField
                  type="date"
                  label={translate('resources.nominations.actions.decidedOn')}
                  value={values.decidedOn}
                  required
                  slotProps={{ inputLabel: { shrink: true } }}
                  onChange={(e) => setValues({ ...values, decidedOn: e.target.value })}
                />
                <MuiTextField
                  label={translate('resources.nominations.actions.signer')}
                  value={values.signer}
                  required
                  error={missing && !values.signer.trim()}
                  onChange={(e) => setValues({ ...values, signer: e.target.value })}
                />
              </>
            )}
            {step !== 'DECIDED' && (
              <MuiTextField
                label={translate('resources.nominations.actions.reason')}
                value={values.reason}
                multiline
                minRows={2}
                required={step === 'RETURNED'}
                error={missing && step === 'RETURNED' && !values.reason.trim()}
                helperText={missing && step === 'RETURNED' ? translate('resources.nominations.actions.reasonRequired') : undefined}
                onChange={(e) => setValues({ ...values, reason: e.target.value })}
                inputProps={{ 'aria-label': 'reason' }}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setStep(null)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy} onClick={submit} data-testid="confirm-step">
            {step && translate(`resources.nominations.actions.${step}`)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </TopToolbar>
  );
}

/** The dossier checklist: mark items provided with their document reference (in DRAFT or RETURNED). */
function Dossier() {
  const hub = useHub();
  const nomination = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [items, setItems] = useState<
    { item: string; label: string; template: string | null; provided: boolean; documentReference: string | null }[]
  >([]);
  useEffect(() => {
    setItems(nomination?.dossier ?? []);
  }, [nomination]);
  const mayPropose = useCan('PROPOSE_NOMINATIONS', nomination?.proposingUnit?.path ?? null);
  if (!nomination) return null;
  const editable = mayPropose && ['DRAFT', 'RETURNED'].includes(nomination.status);
  const save = async () => {
    if (items.some((i) => i.provided && !i.documentReference?.trim())) {
      notify('resources.nominations.dossier.referenceRequired', { type: 'warning' });
      return;
    }
    try {
      await hub.updateNominationDossier(
        String(nomination.id),
        nomination.version,
        items.map((i) => ({ item: i.item, provided: i.provided, documentReference: i.documentReference?.trim() || null })),
      );
      notify('resources.nominations.dossier.saved', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    }
  };
  return (
    <Box>
      <Table size="small" data-testid="dossier">
        <TableHead>
          <TableRow>
            {['item', 'template', 'provided', 'documentReference'].map((k) => (
              <TableCell key={k}>{translate(`resources.nominations.dossier.${k}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((entry, i) => (
            <TableRow key={entry.item + i}>
              <TableCell>{entry.label || translate(`enums.DossierItemKind.${entry.item}`)}</TableCell>
              <TableCell>{entry.template ?? ''}</TableCell>
              <TableCell>
                <Checkbox
                  checked={entry.provided}
                  disabled={!editable}
                  inputProps={{ 'aria-label': `provided-${entry.item}` }}
                  onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, provided: e.target.checked } : x)))}
                />
              </TableCell>
              <TableCell>
                {editable ? (
                  <MuiTextField
                    size="small"
                    fullWidth
                    value={entry.documentReference ?? ''}
                    inputProps={{ 'aria-label': `reference-${entry.item}` }}
                    onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, documentReference: e.target.value } : x)))}
                  />
                ) : (
                  (entry.documentReference ?? '—')
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editable && (
        <MuiButton sx={{ mt: 1 }} variant="outlined" onClick={save}>
          {translate('resources.nominations.dossier.save')}
        </MuiButton>
      )}
    </Box>
  );
}

/** Every step: who, when, from, to, why. */
function History() {
  const nomination = useRecordContext();
  const translate = useTranslate();
  const format = useFormat();
  const status = (s: string | null) => (s ? translate(`enums.NominationStatus.${s}`) : '—');
  return (
    <Table size="small" data-testid="history">
      <TableHead>
        <TableRow>
          {['at', 'username', 'unit', 'from', 'to', 'receivedOn', 'reason'].map((k) => (
            <TableCell key={k}>{translate(`resources.nominations.history.${k}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
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
      </TableBody>
    </Table>
  );
}

/** The way the nomination goes, the level holding it now in bold: proposer, each reviewing level, the deciding level. */
function Levels() {
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

function Subject() {
  const nomination = useRecordContext();
  return nomination ? <span>{subjectText(nomination.subject)}</span> : null;
}

function StandardLink() {
  const nomination = useRecordContext();
  if (!nomination) return null;
  return <Link to={`/awardStandards/${nomination.standard.id}/show`}>{nomination.standard.criteriaText.slice(0, 200)}</Link>;
}

function Award() {
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
      <Labeled label="resources.nominations.fields.subject">
        <Subject />
      </Labeled>
      <EnumText source="status" enumName="NominationStatus" chip />
      <Labeled label="resources.nominations.fields.standard">
        <StandardLink />
      </Labeled>
      <EnumText source="occasion" enumName="AwardOccasion" />
      <TextField source="year" />
      <AwardFormName source="formCode" label="resources.nominations.fields.formCode" />
      <TextField source="proposingUnit.name" label="resources.nominations.fields.proposingUnit" />
      <TextField source="decidingUnit.name" label="resources.nominations.fields.decidingUnit" />
      <Labeled label="resources.nominations.fields.levels">
        <Levels />
      </Labeled>
      <DateText source="createdAt" withTime />
      <Labeled label="resources.nominations.fields.award">
        <Award />
      </Labeled>
    </TabbedRecord>
  );
}
