import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useHub } from '../common/useHub';
import type { Precondition } from '../dataProvider';
import { useCan } from '../capabilities';
import { SimpleTable } from '../common/SimpleTable';

const KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,59}$/;

/** The yes/no preconditions a stored rule asks for, with the plan's labels, in rule order. */
export function preconditionsOf(rule: unknown): { key: string; label: string }[] {
  const found: { key: string; label: string }[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const node = value as { precondition?: { key: string; label: string }; all?: unknown[]; any?: unknown[] };
    const { precondition } = node;
    if (precondition && !found.some((p) => p.key === precondition.key)) found.push(precondition);
    for (const child of [...(node.all ?? []), ...(node.any ?? [])]) walk(child);
  };
  walk(rule);
  return found;
}

interface Props {
  open: boolean;
  /** The subject as the API takes it (unitCode or contributorId) and how to name it. */
  subject: Record<string, unknown>;
  subjectName: string;
  year: number;
  /** Keys the standard's rule asks for: offered first. */
  asked: { key: string; label: string }[];
  /** The subject's unit (ltree path): recording needs the capability over it. */
  unitPath: string;
  onClose(): void;
  onRecorded(): void;
}

/** A subject's preconditions for a year, and a form to record one (or change it, with the version read). */
export function PreconditionsDialog({ open, subject, subjectName, year, asked, unitPath, onClose, onRecorded }: Props) {
  const hub = useHub();
  const translate = useTranslate();
  const mayRecord = useCan('RECORD_PRECONDITIONS', unitPath);
  const notify = useNotify();
  const [recorded, setRecorded] = useState<Precondition[] | null>(null);
  const [values, setValues] = useState({ key: asked[0]?.key ?? '', holds: true, evidence: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const t = (key: string, options?: Record<string, unknown>) => translate(`awards.preconditions.${key}`, options);

  const load = () =>
    hub.preconditions(subject, year).then(setRecorded, (error) => notify((error as Error).message, { type: 'error', multiLine: true }));
  useEffect(() => {
    if (!open) return;
    setRecorded(null);
    setTried(false);
    setValues({ key: asked[0]?.key ?? '', holds: true, evidence: '' });
    load();
  }, [open, JSON.stringify(subject), year]); // eslint-disable-line react-hooks/exhaustive-deps

  const key = values.key.trim();
  const keyError = !key ? t('keyRequired') : !KEY_PATTERN.test(key) ? t('keyFormat') : null;
  const existing = recorded?.find((p) => p.key === key);
  const save = async () => {
    setTried(true);
    if (keyError || !recorded) return;
    setBusy(true);
    try {
      await hub.recordPrecondition({
        subject,
        key,
        year,
        holds: values.holds,
        evidence: values.evidence.trim() || null,
        expectedVersion: existing?.version ?? null,
      });
      notify('awards.preconditions.saved', { type: 'success', messageArgs: { key: label(key) ?? key, subject: subjectName } });
      await load();
      onRecorded();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  const label = (k: string) => asked.find((p) => p.key === k)?.label;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('title', { subject: subjectName, year })}</DialogTitle>
      <DialogContent>
        {recorded && recorded.length === 0 && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('none')}
          </Typography>
        )}
        {recorded && recorded.length > 0 && (
          <SimpleTable data-testid="preconditions" sx={{ mb: 2 }} prefix="awards.preconditions" labels={['key', 'holds', 'evidence']}>
            {recorded.map((p) => (
              <TableRow key={p.id} data-key={p.key}>
                <TableCell>{label(p.key) ?? p.key}</TableCell>
                <TableCell>{translate(p.holds ? 'awards.preconditions.yes' : 'awards.preconditions.no')}</TableCell>
                <TableCell>{p.evidence ?? '—'}</TableCell>
              </TableRow>
            ))}
          </SimpleTable>
        )}
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {t('record')}
        </Typography>
        <Stack spacing={2}>
          {asked.length > 0 ? (
            <TextField
              select
              label={t('key')}
              value={values.key}
              onChange={(e) => setValues({ ...values, key: e.target.value })}
              slotProps={{ htmlInput: { 'aria-label': 'precondition-key' } }}
            >
              {asked.map((p) => (
                <MenuItem key={p.key} value={p.key}>
                  {p.label}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField
              label={t('key')}
              value={values.key}
              required
              error={tried && !!keyError}
              helperText={tried ? (keyError ?? undefined) : t('keyHelp')}
              onChange={(e) => setValues({ ...values, key: e.target.value.toUpperCase() })}
              slotProps={{ htmlInput: { 'aria-label': 'precondition-key' } }}
            />
          )}
          <FormControlLabel
            control={
              <Checkbox
                checked={values.holds}
                onChange={(e) => setValues({ ...values, holds: e.target.checked })}
                slotProps={{ input: { 'aria-label': 'precondition-holds' } }}
              />
            }
            label={t('holds')}
          />
          <TextField
            label={t('evidence')}
            value={values.evidence}
            multiline
            minRows={2}
            onChange={(e) => setValues({ ...values, evidence: e.target.value })}
            slotProps={{ htmlInput: { 'aria-label': 'precondition-evidence' } }}
          />
          {existing && (
            <Alert severity="info">
              {t('replaces', {
                holds: translate(existing.holds ? 'awards.preconditions.yes' : 'awards.preconditions.no'),
                version: existing.version,
              })}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
        {mayRecord && (
          <Button variant="contained" disabled={busy || !recorded} onClick={save} data-testid="save-precondition">
            {t('save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
