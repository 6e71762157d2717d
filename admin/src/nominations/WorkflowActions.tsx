import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { TopToolbar, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { today } from '../common/format';
import { useCan } from '../capabilities';
import { useHub } from '../common/useHub';

/** The workflow's next steps as buttons; returning needs a reason, deciding a number, date and signer. */
export function WorkflowActions() {
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
