import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  TableCell,
  TableContainer,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useImportKinds } from '../capabilities';
import { useHub } from '../common/useHub';
import { YearField } from '../common/YearField';
import { localise } from '../i18n/locale';
import { type PickedUnit, UnitAutocomplete } from '../common/UnitPicker';
import { useFormat } from '../common/format';
import { SimpleTable } from '../common/SimpleTable';

/** An import job as `/imports/<kind>/jobs/:id` answers it. */
interface Job {
  id: string;
  status: 'VALIDATING' | 'VALIDATED' | 'INVALID' | 'REFUSED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';
  fileName: string | null;
  rowsRead: number;
  rowsValidated: number;
  rowsWritten: number;
  errorCount: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  message: string | null;
}

interface RowError {
  row: number;
  column: string;
  code: string;
  message: string;
  expected: string | null;
}

const RUNNING = ['VALIDATING', 'COMMITTING'];

/** Saves a file under its own name. */
function saveFile(blob: Blob, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Nhập dữ liệu từ tệp — bulk import: choose what to import, download the template (filled with what is stored for a
 * territory and year), upload the file, see every row's error (and download them), commit, follow the progress.
 */
export function ImportPage() {
  const hub = useHub();
  // One function for the component's life (the data provider hands out a new wrapper at each access): effects depend on it.
  const call = useCallback(<T,>(path: string, init?: RequestInit) => hub.importRequest<T>(path, init), [hub]);
  const save = async (path: string, name: string) => saveFile(await hub.importFile(path), name);
  const translate = useTranslate();
  const format = useFormat();
  const kinds = useImportKinds();
  const [kind, setKind] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [territory, setTerritory] = useState<PickedUnit | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setKind((k) => k || kinds[0] || '');
  }, [kinds]);

  // Follow a running job every half second, as long as it runs.
  useEffect(() => {
    if (!job || !RUNNING.includes(job.status)) return;
    const timer = setTimeout(() => {
      call<{ job: Job }>(`/imports/${kind}/jobs/${job.id}`).then(
        (r) => setJob(r.job),
        (e: Error) => setProblem(e.message),
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [call, job, kind]);

  // A job that ended with row errors: read them (once per job, not at each poll of its progress).
  const failedJobId = job && (job.status === 'INVALID' || job.status === 'FAILED') && job.errorCount > 0 ? job.id : null;
  useEffect(() => {
    if (failedJobId !== null) {
      call<{ errors: RowError[] }>(`/imports/${kind}/jobs/${failedJobId}/errors`).then(
        (r) => setErrors(r.errors),
        (e: Error) => setProblem(e.message),
      );
    } else {
      setErrors([]);
    }
  }, [call, failedJobId, kind]);

  const attempt = (work: () => Promise<void>) => {
    setProblem(null);
    work().catch((e: Error) => setProblem(e.message));
  };

  const upload = () =>
    attempt(async () => {
      const chosen = file.current?.files?.[0];
      if (!chosen) throw new Error(translate('imports.chooseFile'));
      setJob(null);
      const r = await call<{ job: Job }>(`/imports/${kind}?fileName=${encodeURIComponent(chosen.name)}`, { method: 'POST', body: chosen });
      setJob(r.job);
    });

  const commit = () =>
    attempt(async () => {
      const r = await call<{ job: Job }>(`/imports/${kind}/jobs/${job!.id}/commit`, { method: 'POST' });
      setJob(r.job);
    });

  const template = (ext: 'xlsx' | 'csv') =>
    attempt(async () => {
      const filled = territory && year ? `year=${year}&withinCode=${encodeURIComponent(territory.code)}` : '';
      await save(
        `/imports/${kind}/template.${ext}?${filled}`,
        `${translate(`imports.kinds.${kind}`)}${territory ? ` ${territory.code}` : ''}${filled ? ` ${year}` : ''}.${ext}`,
      );
    });

  const running = job && RUNNING.includes(job.status);
  const progress =
    job?.status === 'COMMITTING'
      ? job.rowsWritten / Math.max(1, job.rowsRead - job.unchanged)
      : job && job.rowsRead
        ? job.rowsValidated / job.rowsRead
        : 0;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('imports.title')} />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 900 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('imports.intro')}
          </Typography>
          {!kinds.length && <Alert severity="info">{translate('imports.nothing')}</Alert>}
          {kinds.length > 0 && (
            <TextField
              select
              size="small"
              label={translate('imports.kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value);
                setJob(null);
              }}
              sx={{ maxWidth: 360 }}
              data-testid="import-kind"
            >
              {kinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`imports.kinds.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {kind && (
            <Box>
              <Typography variant="subtitle2" gutterBottom>
                {translate('imports.step1')}
              </Typography>
              <Typography variant="body2" color="text.secondary" gutterBottom>
                {translate(`imports.templateHelp.${kind}`)}
              </Typography>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }}>
                <YearField value={year} onChange={setYear} width={120} testId="import-year" />
                <UnitAutocomplete
                  value={territory}
                  onChange={setTerritory}
                  label={translate('imports.territory')}
                  asOf={year ? `${year}-06-30` : null}
                  sx={{ minWidth: 280 }}
                  testId="import-territory"
                />
                <Button startIcon={<DownloadIcon />} onClick={() => template('xlsx')}>
                  {translate('imports.template')} XLSX
                </Button>
                <Button startIcon={<DownloadIcon />} onClick={() => template('csv')}>
                  CSV
                </Button>
              </Stack>
            </Box>
          )}
          {kind && (
            <Box>
              <Typography variant="subtitle2" gutterBottom>
                {translate('imports.step2')}
              </Typography>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }}>
                <input ref={file} type="file" accept=".xlsx,.csv" data-testid="import-file" aria-label={translate('imports.file')} />
                <Button variant="contained" startIcon={<UploadFileIcon />} onClick={upload} disabled={Boolean(running)}>
                  {translate('imports.check')}
                </Button>
              </Stack>
              <Typography variant="caption" color="text.secondary">
                {translate('imports.limit')}
              </Typography>
            </Box>
          )}
          {problem && <Alert severity="error">{problem}</Alert>}
          {job && (
            <Box data-testid="import-job" data-status={job.status}>
              <Typography variant="subtitle2" gutterBottom>
                {translate(`imports.status.${job.status}`)}
              </Typography>
              {running && <LinearProgress variant="determinate" value={Math.round(100 * progress)} sx={{ mb: 1 }} />}
              <Typography variant="body2">
                {translate('imports.counts', {
                  read: format.number(job.rowsRead),
                  validated: format.number(job.rowsValidated),
                  written: format.number(job.rowsWritten),
                  create: format.number(job.toCreate),
                  update: format.number(job.toUpdate),
                  unchanged: format.number(job.unchanged),
                  errors: format.number(job.errorCount),
                })}
              </Typography>
              {job.message && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {localise(job.message)}
                </Alert>
              )}
              {job.status === 'VALIDATED' && (
                <Stack direction="row" spacing={1} sx={{ mt: 1 }} alignItems="center">
                  <Button variant="contained" color="success" onClick={commit} data-testid="import-commit">
                    {translate('imports.commit')}
                  </Button>
                  <Typography variant="body2" color="text.secondary">
                    {translate('imports.commitHelp')}
                  </Typography>
                </Stack>
              )}
              {job.status === 'COMMITTED' && (
                <Alert severity="success" sx={{ mt: 1 }}>
                  {translate('imports.done', {
                    created: format.number(job.toCreate),
                    updated: format.number(job.toUpdate),
                    unchanged: format.number(job.unchanged),
                  })}
                  {kind === 'assessments' && (
                    <>
                      {' '}
                      <Link to="/compare">{translate('insights.compare.title')}</Link>
                    </>
                  )}
                </Alert>
              )}
              {errors.length > 0 && (
                <Box sx={{ mt: 1 }}>
                  <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
                    <Typography variant="body2">
                      {translate('imports.errorsShown', { shown: errors.length, total: job.errorCount })}
                    </Typography>
                    <Button
                      size="small"
                      startIcon={<DownloadIcon />}
                      onClick={() =>
                        attempt(() => save(`/imports/${kind}/jobs/${job.id}/errors.xlsx`, `${translate('imports.errorsFile')}.xlsx`))
                      }
                    >
                      XLSX
                    </Button>
                    <Button
                      size="small"
                      startIcon={<DownloadIcon />}
                      onClick={() =>
                        attempt(() => save(`/imports/${kind}/jobs/${job.id}/errors.csv`, `${translate('imports.errorsFile')}.csv`))
                      }
                    >
                      CSV
                    </Button>
                  </Stack>
                  <TableContainer sx={{ maxHeight: 420, overflow: 'auto' }}>
                    <SimpleTable
                      stickyHeader
                      data-testid="import-errors"
                      prefix="imports"
                      labels={['row', 'column', 'problem', 'expected']}
                    >
                      {errors.map((e, i) => (
                        <TableRow key={i}>
                          <TableCell>{e.row}</TableCell>
                          <TableCell>{e.column}</TableCell>
                          <TableCell>{localise(e.message)}</TableCell>
                          <TableCell>{e.expected ? localise(e.expected) : ''}</TableCell>
                        </TableRow>
                      ))}
                    </SimpleTable>
                  </TableContainer>
                </Box>
              )}
            </Box>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
