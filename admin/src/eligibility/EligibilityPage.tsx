import { referenceDate } from '@domain/calendar';
import {
  Autocomplete, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, Stack, Table, TableBody, TableCell, TableHead, TableRow, TableSortLabel, TextField, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetList, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { EligibilityResult, EligibilitySubject } from '../dataProvider';
import { localise } from '../i18n/locale';
import { PreconditionsDialog, preconditionsOf } from './PreconditionsDialog';
import { useCan } from '../capabilities';
import { TablePager } from '../common/TablePager';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';

const Mark = ({ ok }: { ok: boolean }) => <Box component="span" sx={{ color: ok ? 'success.main' : 'error.main', fontWeight: 700 }}>{ok ? '✓' : '✗'}</Box>;

/** The columns the API sorts by (`awardEligibility`'s sort fields, see the data provider). */
type OrderField = 'eligible' | 'subject' | 'unitCode';

/** A subject as the API takes it: a unit by code (read on 30 June of the year) or a contributor by id. */
const subjectInput = (subject: EligibilitySubject) => (subject.contributorId ? { contributorId: String(subject.contributorId) } : { unitCode: subject.unit.code });

/** A text value that settles 300 ms after the last keystroke, so typing does not query the server on every key. */
function useDebounced(value: string, ms = 300) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Pick a standard and a year: the candidates with every condition's outcome and the values used, one page at a time
 * from the server (filtered by eligibility, a search and a unit, sorted by eligibility, name or unit code). An eligible
 * row opens a nomination; any row shows and records the subject's preconditions.
 */
export function EligibilityPage() {
  const mayPropose = useCan('PROPOSE_NOMINATIONS');
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [campaignId, setCampaignId] = useState(params.get('campaign') ?? '');
  const [standardId, setStandardId] = useState(params.get('standard') ?? '');
  const [year, setYear] = useState(params.get('year') ?? '');
  const [campaignSearch, setCampaignSearch] = useState('');
  const [standardSearch, setStandardSearch] = useState('');
  const [eligibleOnly, setEligibleOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [withinCode, setWithinCode] = useState('');
  const [within, setWithin] = useState<PickedUnit | null>(null);
  const [order, setOrder] = useState<{ field: OrderField; direction: 'ASC' | 'DESC' }>({ field: 'eligible', direction: 'ASC' });
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const [dialogFor, setDialogFor] = useState<EligibilityResult | null>(null);
  const settledSearch = useDebounced(search.trim());
  const settledWithin = useDebounced(withinCode.trim());

  const { data: campaigns = [] } = useGetList('campaigns', { pagination: { page: 1, perPage: 20 }, sort: { field: 'name', order: 'ASC' }, filter: { q: campaignSearch || undefined } });
  const { data: selected } = useGetOne('campaigns', { id: campaignId }, { enabled: !!campaignId });
  const { data: standards = [] } = useGetList('awardStandards', { pagination: { page: 1, perPage: 20 }, sort: { field: 'id', order: 'ASC' }, filter: { campaignId, hasRule: true, q: standardSearch || undefined } }, { enabled: !!campaignId });
  const { data: standard } = useGetOne('awardStandards', { id: standardId }, { enabled: !!standardId });
  const campaignOptions = selected && !campaigns.some((c) => c.id === selected.id) ? [selected, ...campaigns] : campaigns;
  const standardOptions = standard && !standards.some((s) => s.id === standard.id) ? [standard, ...standards] : standards;
  const standardLabel = (s: any) => `${translate(`enums.AwardOccasion.${s.occasion}`)}${s.year ? ` ${s.year}` : ''} · ${translate(`enums.AwardSubjectType.${s.subjectType}`)} · ${s.criteriaText.slice(0, 90)}`;

  const shownStandard = params.get('standard');
  const shownYear = Number(params.get('year'));
  useEffect(() => { setPage(0); }, [shownStandard, shownYear, eligibleOnly, settledSearch, settledWithin, order, perPage]);
  // One page of results through the data provider's `awardEligibility` list; the previous page stays shown (dimmed) while the next loads.
  const { data: nodes, total, meta, isFetching, isError, refetch } = useGetList<EligibilityResult>('awardEligibility', {
    pagination: { page: page + 1, perPage }, sort: { field: order.field, order: order.direction },
    filter: { standardId: shownStandard, year: shownYear, eligible: eligibleOnly || undefined, q: settledSearch || undefined, withinCode: settledWithin || undefined },
  }, {
    enabled: !!shownStandard && !!shownYear, placeholderData: (previous) => previous,
    onError: (error) => notify((error as Error).message, { type: 'error', multiLine: true }),
  });
  const results = shownStandard && shownYear && nodes && !isError ? { nodes, totalCount: total ?? 0, eligibleCount: Number(meta?.eligibleCount ?? 0) } : null;
  const loading = isFetching;

  const sortBy = (field: OrderField) => setOrder((o) => ({ field, direction: o.field === field && o.direction === 'ASC' ? 'DESC' : 'ASC' }));
  const header = (key: string, field?: OrderField) => (
    <TableCell key={key} sortDirection={field && order.field === field ? (order.direction === 'ASC' ? 'asc' : 'desc') : false}>
      {field ? (
        <TableSortLabel active={order.field === field} direction={order.field === field && order.direction === 'DESC' ? 'desc' : 'asc'} onClick={() => sortBy(field)} data-sort={field}>
          {translate(`awards.eligibility.${key}`)}
        </TableSortLabel>
      ) : translate(`awards.eligibility.${key}`)}
    </TableCell>
  );
  const subjectName = (r: EligibilityResult) => r.subject.name ?? `${translate(`enums.AwardSubjectType.${r.subject.kind}`)} · ${r.subject.unit.name}`;
  const nominate = (r: EligibilityResult) => {
    const source = {
      standardId: shownStandard, year: shownYear, formCode: standard?.formCode ?? undefined,
      subjectKind: r.subject.contributorId ? 'CONTRIBUTOR' : 'UNIT', subject: subjectInput(r.subject), subjectLabel: `${subjectName(r)} (${r.subject.unit.code})`,
    };
    navigate(`/nominations/create?source=${encodeURIComponent(JSON.stringify(source))}`);
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('awards.eligibility.title')} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
            <Autocomplete size="small" sx={{ minWidth: { xs: '100%', sm: 420 } }} options={campaignOptions} value={campaignOptions.find((c) => String(c.id) === campaignId) ?? null}
              getOptionLabel={(c) => c.name} isOptionEqualToValue={(a, b) => a.id === b.id} filterOptions={(x) => x}
              onInputChange={(_, value, reason) => reason === 'input' && setCampaignSearch(value)}
              onChange={(_, c) => { setCampaignId(c ? String(c.id) : ''); setStandardId(''); }}
              renderInput={(p) => <TextField {...p} label={translate('awards.eligibility.campaign')} />} />
            <Autocomplete size="small" sx={{ minWidth: { xs: '100%', sm: 420 }, maxWidth: 620, flex: 1 }} options={standardOptions} disabled={!campaignId}
              value={standardOptions.find((s) => String(s.id) === standardId) ?? null}
              getOptionLabel={standardLabel} isOptionEqualToValue={(a, b) => a.id === b.id} filterOptions={(x) => x}
              onInputChange={(_, value, reason) => reason === 'input' && setStandardSearch(value)}
              onChange={(_, s) => { setStandardId(s ? String(s.id) : ''); if (s?.year) setYear(String(s.year)); }}
              renderInput={(p) => <TextField {...p} label={translate('awards.eligibility.standard')} />} />
            <TextField size="small" type="number" label={translate('awards.eligibility.year')} value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 110 }} />
            <Button variant="contained" disabled={!standardId || !year} onClick={() => setParams(new URLSearchParams({ campaign: campaignId, standard: standardId, year }))}>
              {translate('awards.eligibility.run')}
            </Button>
          </Stack>
          {!results && !loading && <Typography color="text.secondary">{translate('awards.eligibility.pick')}</Typography>}
          {(results || loading) && (
            <>
              <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1" data-testid="eligibility-count">
                  {results ? translate('awards.eligibility.count', { eligible: results.eligibleCount, total: results.totalCount }) : translate('app.loading')}
                </Typography>
                <TextField size="small" label={translate('awards.eligibility.search')} value={search} onChange={(e) => setSearch(e.target.value)} slotProps={{ htmlInput: { 'aria-label': 'eligibility-search' } }} />
                <UnitAutocomplete value={within} onChange={(u) => { setWithin(u); setWithinCode(u?.code ?? ''); }} label={translate('awards.eligibility.withinCode')}
                  asOf={shownYear ? referenceDate(shownYear) : null} testId="eligibility-within" sx={{ minWidth: { xs: '100%', sm: 300 } }} />
                <FormControlLabel control={<Checkbox checked={eligibleOnly} onChange={(e) => setEligibleOnly(e.target.checked)} />} label={translate('awards.eligibility.eligibleOnly')} />
              </Stack>
              {results && results.totalCount === 0 && <Typography color="text.secondary">{translate('awards.eligibility.none')}</Typography>}
              <Table size="small" data-testid="eligibility-table" sx={{ opacity: loading ? 0.5 : 1 }}>
                <TableHead><TableRow>
                  {header('subject', 'subject')}
                  {header('eligible', 'eligible')}
                  {['condition', 'passed', 'actual', 'required'].map((k) => header(k))}
                  {header('unitCode', 'unitCode')}
                  {header('actions')}
                </TableRow></TableHead>
                <TableBody>
                  {(results?.nodes ?? []).map((r, i) => r.conditions.map((c, j) => (
                    <TableRow key={`${i}-${j}`} data-eligible={r.eligible} data-subject={r.subject.unit.code} sx={{ bgcolor: r.eligible ? 'rgba(46,125,50,0.06)' : undefined }}>
                      {j === 0 && (
                        <>
                          <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top', minWidth: 200 }}>
                            <Typography variant="body2" sx={{ fontWeight: 600 }}>{r.subject.name ?? translate('awards.eligibility.hidden')}</Typography>
                            <Typography variant="caption" color="text.secondary">
                              {translate(`enums.AwardSubjectType.${r.subject.kind}`)}{r.subject.contributorId ? ` · ${r.subject.unit.name}` : ''}
                            </Typography>
                          </TableCell>
                          <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>
                            <Chip size="small" color={r.eligible ? 'success' : 'default'} label={`${r.eligible ? '✓' : '✗'} ${translate(r.eligible ? 'ra.boolean.true' : 'ra.boolean.false')}`} />
                          </TableCell>
                        </>
                      )}
                      <TableCell title={localise(c.summary)}>{localise(c.description)}</TableCell>
                      <TableCell align="center"><Mark ok={c.passed} /></TableCell>
                      <TableCell>{localise(c.actual)}</TableCell>
                      <TableCell>{localise(c.required)}</TableCell>
                      {j === 0 && <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>{r.subject.unit.code}</TableCell>}
                      {j === 0 && (
                        <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>
                          <Stack spacing={1}>
                            <Button size="small" variant="outlined" onClick={() => setDialogFor(r)}>{translate('awards.eligibility.preconditions')}</Button>
                            {r.eligible && mayPropose && <Button size="small" variant="contained" onClick={() => nominate(r)}>{translate('awards.eligibility.nominate')}</Button>}
                          </Stack>
                        </TableCell>
                      )}
                    </TableRow>
                  )))}
                </TableBody>
              </Table>
              <TablePager count={results?.totalCount ?? 0} page={page} rowsPerPage={perPage} rowsPerPageOptions={[10, 25, 50, 100]}
                onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => setPerPage(Number(e.target.value))}
                labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
                labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })} />
            </>
          )}
        </CardContent>
      </Card>
      {dialogFor && (
        <PreconditionsDialog open subject={subjectInput(dialogFor.subject)} subjectName={subjectName(dialogFor)} year={shownYear} unitPath={dialogFor.subject.unit.path}
          asked={preconditionsOf(standard?.rule)} onClose={() => setDialogFor(null)} onRecorded={() => void refetch()} />
      )}
    </Box>
  );
}
