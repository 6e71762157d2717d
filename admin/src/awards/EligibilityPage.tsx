import { Autocomplete, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetList, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { awardEligibility, type EligibilityResult } from '../dataProvider/awards';
import { localise } from '../dataProvider/client';

const Mark = ({ ok }: { ok: boolean }) => <Box component="span" sx={{ color: ok ? 'success.main' : 'error.main', fontWeight: 700 }}>{ok ? '✓' : '✗'}</Box>;

/** Pick a standard and a year: the candidates, eligible first, with every condition's outcome and the values used. */
export function EligibilityPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const [campaignId, setCampaignId] = useState(params.get('campaign') ?? '');
  const [standardId, setStandardId] = useState(params.get('standard') ?? '');
  const [year, setYear] = useState(params.get('year') ?? '');
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<EligibilityResult[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [eligibleOnly, setEligibleOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const { data: campaigns = [] } = useGetList('campaigns', { pagination: { page: 1, perPage: 20 }, sort: { field: 'name', order: 'ASC' }, filter: { q: search || undefined } });
  const { data: selected } = useGetOne('campaigns', { id: campaignId }, { enabled: !!campaignId });
  const { data: standards = [] } = useGetList('awardStandards', { pagination: { page: 1, perPage: 500 }, filter: { campaignId } }, { enabled: !!campaignId });
  const evaluable = standards.filter((s) => s.rule);
  const campaignOptions = selected && !campaigns.some((c) => c.id === selected.id) ? [selected, ...campaigns] : campaigns;

  useEffect(() => {
    const s = params.get('standard');
    const y = params.get('year');
    if (!s || !y) { setResults(null); return; }
    setLoading(true);
    setPage(0);
    awardEligibility(s, Number(y)).then(setResults, (error) => { notify((error as Error).message, { type: 'error' }); setResults(null); }).finally(() => setLoading(false));
  }, [params]); // eslint-disable-line react-hooks/exhaustive-deps

  const eligibleCount = results?.filter((r) => r.eligible).length ?? 0;
  const shown = (results ?? []).filter((r) => !eligibleOnly || r.eligible);
  const pageRows = shown.slice(page * perPage, (page + 1) * perPage);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('awards.eligibility.title')} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
            <Autocomplete size="small" sx={{ minWidth: 420 }} options={campaignOptions} value={campaignOptions.find((c) => String(c.id) === campaignId) ?? null}
              getOptionLabel={(c) => c.name} isOptionEqualToValue={(a, b) => a.id === b.id} filterOptions={(x) => x}
              onInputChange={(_, value, reason) => reason === 'input' && setSearch(value)}
              onChange={(_, c) => { setCampaignId(c ? String(c.id) : ''); setStandardId(''); }}
              renderInput={(p) => <TextField {...p} label={translate('awards.eligibility.campaign')} />} />
            <TextField select size="small" sx={{ minWidth: 420, maxWidth: 620 }} label={translate('awards.eligibility.standard')} value={evaluable.some((s) => String(s.id) === standardId) ? standardId : ''}
              onChange={(e) => { const s = evaluable.find((x) => String(x.id) === e.target.value); setStandardId(e.target.value); if (s?.year) setYear(String(s.year)); }}
              slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxWidth: 800 } } } } } }}>
              {evaluable.map((s) => (
                <MenuItem key={s.id} value={String(s.id)} sx={{ whiteSpace: 'normal' }}>
                  {translate(`enums.AwardOccasion.${s.occasion}`)}{s.year ? ` ${s.year}` : ''} · {translate(`enums.AwardSubjectType.${s.subjectType}`)} · {s.criteriaText.slice(0, 90)}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" type="number" label={translate('awards.eligibility.year')} value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 110 }} />
            <Button variant="contained" disabled={!standardId || !year} onClick={() => setParams(new URLSearchParams({ campaign: campaignId, standard: standardId, year }))}>
              {translate('awards.eligibility.run')}
            </Button>
          </Stack>
          {loading && <Typography>{translate('app.loading')}</Typography>}
          {!loading && !results && <Typography color="text.secondary">{translate('awards.eligibility.pick')}</Typography>}
          {!loading && results && (
            <>
              <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
                <Typography variant="subtitle1">{results.length ? translate('awards.eligibility.count', { eligible: eligibleCount, total: results.length }) : translate('awards.eligibility.none')}</Typography>
                <FormControlLabel control={<Checkbox checked={eligibleOnly} onChange={(e) => { setEligibleOnly(e.target.checked); setPage(0); }} />} label={translate('awards.eligibility.eligibleOnly')} />
              </Stack>
              <Table size="small" data-testid="eligibility-table">
                <TableHead><TableRow>
                  {['subject', 'eligible', 'condition', 'passed', 'actual', 'required'].map((k) => <TableCell key={k}>{translate(`awards.eligibility.${k}`)}</TableCell>)}
                </TableRow></TableHead>
                <TableBody>
                  {pageRows.map((r, i) => r.conditions.map((c, j) => (
                    <TableRow key={`${i}-${j}`} data-eligible={r.eligible} sx={{ bgcolor: r.eligible ? 'rgba(46,125,50,0.06)' : undefined }}>
                      {j === 0 && (
                        <>
                          <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top', minWidth: 200 }}>
                            <Typography variant="body2" sx={{ fontWeight: 600 }}>{r.subject.name ?? translate('awards.eligibility.hidden')}</Typography>
                            <Typography variant="caption" color="text.secondary">
                              {translate(`enums.AwardSubjectType.${r.subject.kind}`)} · {r.subject.contributorId ? `${r.subject.unit.name} (${r.subject.unit.code})` : r.subject.unit.code}
                            </Typography>
                          </TableCell>
                          <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>
                            <Chip size="small" color={r.eligible ? 'success' : 'default'} label={`${r.eligible ? '✓' : '✗'} ${translate(r.eligible ? 'ra.boolean.true' : 'ra.boolean.false')}`} />
                          </TableCell>
                        </>
                      )}
                      <TableCell title={c.summary}>{localise(c.description)}</TableCell>
                      <TableCell align="center"><Mark ok={c.passed} /></TableCell>
                      <TableCell>{localise(c.actual)}</TableCell>
                      <TableCell>{localise(c.required)}</TableCell>
                    </TableRow>
                  )))}
                </TableBody>
              </Table>
              <TablePagination component="div" count={shown.length} page={page} rowsPerPage={perPage} rowsPerPageOptions={[10, 25, 50, 100]}
                onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setPerPage(Number(e.target.value)); setPage(0); }}
                labelRowsPerPage={translate('ra.navigation.page_rows_per_page')} />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
