import { referenceDate } from '@domain/calendar';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Pagination, useListContext, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { EligibilityResult, EligibilitySubject } from '../dataProvider';
import { localise } from '../i18n/locale';
import { PreconditionsDialog, preconditionsOf } from './PreconditionsDialog';
import { useCan } from '../capabilities';
import { UnitAutocomplete, type PickedUnit } from '../common/UnitPicker';
import { useHub } from '../common/useHub';

const Mark = ({ ok }: { ok: boolean }) => (
  <Box component="span" sx={{ color: ok ? 'success.main' : 'error.main', fontWeight: 700 }}>
    {ok ? '✓' : '✗'}
  </Box>
);

/** The columns the API sorts by (`awardEligibility`'s sort fields, see the data provider). */
type OrderField = 'eligible' | 'subject' | 'unitCode';

/** A subject as the API takes it: a unit by code (read on 30 June of the year) or a contributor by id. */
const subjectInput = (subject: EligibilitySubject) =>
  subject.contributorId ? { contributorId: String(subject.contributorId) } : { unitCode: subject.unit.code };

/** One page of the standard's results: the filters, the table (one row per condition) and the pager, from the list's context. */
export function EligibilityResults({ standard, year }: { standard: RaRecord | undefined; year: number }) {
  const hub = useHub();
  const mayPropose = useCan('PROPOSE_NOMINATIONS');
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, total, meta, isPending, isFetching, sort, setSort, filterValues, setFilters, refetch } = useListContext<
    EligibilityResult & RaRecord
  >();
  const [search, setSearch] = useState<string>(filterValues.q ?? '');
  const [within, setWithin] = useState<PickedUnit | null>(null);
  const [dialogFor, setDialogFor] = useState<EligibilityResult | null>(null);
  // A territory kept in the address is shown by its unit once read.
  useEffect(() => {
    if (filterValues.withinCode && within?.code !== filterValues.withinCode)
      hub.unitByCode(filterValues.withinCode, referenceDate(year)).then(setWithin, () => setWithin(null));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const filter = (patch: Record<string, unknown>) => setFilters({ ...filterValues, ...patch }, undefined);
  const results = isPending ? null : { nodes: data ?? [], totalCount: total ?? 0, eligibleCount: Number(meta?.eligibleCount ?? 0) };
  const loading = isFetching;
  const order = { field: sort.field as OrderField, direction: sort.order };

  const sortBy = (field: OrderField) => setSort({ field, order: order.field === field && order.direction === 'ASC' ? 'DESC' : 'ASC' });
  const header = (key: string, field?: OrderField) => (
    <TableCell key={key} sortDirection={field && order.field === field ? (order.direction === 'ASC' ? 'asc' : 'desc') : false}>
      {field ? (
        <TableSortLabel
          active={order.field === field}
          direction={order.field === field && order.direction === 'DESC' ? 'desc' : 'asc'}
          onClick={() => sortBy(field)}
          data-sort={field}
        >
          {translate(`awards.eligibility.${key}`)}
        </TableSortLabel>
      ) : (
        translate(`awards.eligibility.${key}`)
      )}
    </TableCell>
  );
  const subjectName = (r: EligibilityResult) =>
    r.subject.name ?? `${translate(`enums.AwardSubjectType.${r.subject.kind}`)} · ${r.subject.unit.name}`;
  const nominate = (r: EligibilityResult) => {
    const source = {
      standardId: standard?.id,
      year,
      formCode: standard?.formCode ?? undefined,
      subjectKind: r.subject.contributorId ? 'CONTRIBUTOR' : 'UNIT',
      subject: subjectInput(r.subject),
      subjectLabel: `${subjectName(r)} (${r.subject.unit.code})`,
    };
    navigate(`/nominations/create?source=${encodeURIComponent(JSON.stringify(source))}`);
  };

  return (
    <>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" data-testid="eligibility-count">
          {results
            ? translate('awards.eligibility.count', { eligible: results.eligibleCount, total: results.totalCount })
            : translate('app.loading')}
        </Typography>
        <TextField
          size="small"
          label={translate('awards.eligibility.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            filter({ q: e.target.value.trim() || undefined });
          }}
          slotProps={{ htmlInput: { 'aria-label': 'eligibility-search' } }}
        />
        <UnitAutocomplete
          value={within}
          onChange={(u) => {
            setWithin(u);
            filter({ withinCode: u?.code || undefined });
          }}
          label={translate('awards.eligibility.withinCode')}
          asOf={referenceDate(year)}
          testId="eligibility-within"
          sx={{ minWidth: { xs: '100%', sm: 300 } }}
        />
        <FormControlLabel
          control={<Checkbox checked={!!filterValues.eligible} onChange={(e) => filter({ eligible: e.target.checked || undefined })} />}
          label={translate('awards.eligibility.eligibleOnly')}
        />
      </Stack>
      {results && results.totalCount === 0 && <Typography color="text.secondary">{translate('awards.eligibility.none')}</Typography>}
      <Table size="small" data-testid="eligibility-table" sx={{ opacity: loading ? 0.5 : 1 }}>
        <TableHead>
          <TableRow>
            {header('subject', 'subject')}
            {header('eligible', 'eligible')}
            {['condition', 'passed', 'actual', 'required'].map((k) => header(k))}
            {header('unitCode', 'unitCode')}
            {header('actions')}
          </TableRow>
        </TableHead>
        <TableBody>
          {(results?.nodes ?? []).map((r, i) =>
            r.conditions.map((c, j) => (
              <TableRow
                key={`${i}-${j}`}
                data-eligible={r.eligible}
                data-subject={r.subject.unit.code}
                sx={{ bgcolor: r.eligible ? 'rgba(46,125,50,0.06)' : undefined }}
              >
                {j === 0 && (
                  <>
                    <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top', minWidth: 200 }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {r.subject.name ?? translate('awards.eligibility.hidden')}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {translate(`enums.AwardSubjectType.${r.subject.kind}`)}
                        {r.subject.contributorId ? ` · ${r.subject.unit.name}` : ''}
                      </Typography>
                    </TableCell>
                    <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>
                      <Chip
                        size="small"
                        color={r.eligible ? 'success' : 'default'}
                        label={`${r.eligible ? '✓' : '✗'} ${translate(r.eligible ? 'ra.boolean.true' : 'ra.boolean.false')}`}
                      />
                    </TableCell>
                  </>
                )}
                <TableCell title={localise(c.summary)}>{localise(c.description)}</TableCell>
                <TableCell align="center">
                  <Mark ok={c.passed} />
                </TableCell>
                <TableCell>{localise(c.actual)}</TableCell>
                <TableCell>{localise(c.required)}</TableCell>
                {j === 0 && (
                  <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>
                    {r.subject.unit.code}
                  </TableCell>
                )}
                {j === 0 && (
                  <TableCell rowSpan={r.conditions.length} sx={{ verticalAlign: 'top' }}>
                    <Stack spacing={1}>
                      <Button size="small" variant="outlined" onClick={() => setDialogFor(r)}>
                        {translate('awards.eligibility.preconditions')}
                      </Button>
                      {r.eligible && mayPropose && (
                        <Button size="small" variant="contained" onClick={() => nominate(r)}>
                          {translate('awards.eligibility.nominate')}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                )}
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
      <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />
      {dialogFor && (
        <PreconditionsDialog
          open
          subject={subjectInput(dialogFor.subject)}
          subjectName={subjectName(dialogFor)}
          year={year}
          unitPath={dialogFor.subject.unit.path}
          asked={preconditionsOf(standard?.rule)}
          onClose={() => setDialogFor(null)}
          onRecorded={() => void refetch()}
        />
      )}
    </>
  );
}
