import {
  Alert,
  Autocomplete,
  Box,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useCreate, useDelete, useGetList, useGetOne, useNotify, useTranslate, useUpdate, type RaRecord } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { enumChoices } from '../common/enums';
import { onGridKeyDown } from '../common/gridKeys';
import { useFormat, dotted } from '../common/format';
import { targetText, type Target } from './targetText';
import { TablePager } from '../common/TablePager';
import { PageCard } from '../common/PageCard';
import { SelectField } from '../common/SelectField';

type Unit = RaRecord & { code: string; name: string };
type Campaign = RaRecord & { name: string; issuer: Unit; periodStart: string; periodEnd: string };

const VALUE_UNIT: Record<string, string> = { COUNT: 'COUNT', SHARE: 'PERCENT', AVERAGE: 'METRIC', VALUE: 'METRIC', STATUS: 'NONE' };
/** Sub-units per page of the grid: the issuer's row heads every page. */
const ROWS_PER_PAGE = 25;

/** A target the grid can edit in place: a plain value, for every unit of the class, not a range or status. */
const editable = (t: Target) => t.value != null && t.valueMin == null && t.status == null && t.unitClass == null && t.yearFrom == null;

const campaignLabel = (c: Campaign) => `${c.issuer.name} — ${c.name}`;

/** Picks a campaign by name, searched on the server as the user types. */
function CampaignPicker({ value, onChange }: { value: Campaign | undefined; onChange: (id: string) => void }) {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const { data: found = [], isPending } = useGetList<Campaign>('campaigns', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
    filter: { q: search.trim() || undefined },
  });
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  return (
    <Autocomplete
      sx={{ minWidth: { xs: '100%', sm: 420 }, flex: 2 }}
      size="small"
      options={options}
      value={value ?? null}
      loading={isPending}
      getOptionLabel={campaignLabel}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      onInputChange={(_, text, reason) => {
        if (reason === 'input') setSearch(text);
      }}
      onChange={(_, picked) => {
        if (picked) onChange(String(picked.id));
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('resources.targets.grid.campaign')}
          inputProps={{ ...params.inputProps, 'data-testid': 'campaign-picker' }}
        />
      )}
      noOptionsText={translate('ra.navigation.no_results')}
    />
  );
}

function Cell({
  unit,
  year,
  targets,
  onSave,
  onDelete,
  readOnly,
  row,
  col,
}: {
  unit: Unit;
  year: number | null;
  targets: Target[];
  readOnly: boolean;
  row: number;
  col: number;
  onSave: (value: number, existing?: Target) => Promise<void>;
  onDelete: (existing: Target) => Promise<void>;
}) {
  const format = useFormat();
  const translate = useTranslate();
  const notify = useNotify();
  const primary = targets.find(editable);
  const others = targets.filter((t) => t !== primary);
  const shown = primary ? format.number(primary.value) : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = async () => {
    if (text === shown) return;
    const value = format.parse(text);
    if (value == null) {
      if (primary) await onDelete(primary);
      return;
    }
    if (Number.isNaN(value)) {
      notify('resources.targets.grid.invalid', { type: 'error', messageArgs: { value: text } });
      setText(shown);
      return;
    }
    await onSave(value, primary);
  };
  const label = `${unit.code}-${year ?? 'end'}`;
  return (
    <TableCell sx={{ minWidth: 120, verticalAlign: 'top' }}>
      {readOnly || (!primary && others.length) ? null : (
        <TextField
          size="small"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onGridKeyDown}
          slotProps={{
            htmlInput: {
              'aria-label': label,
              'data-cell': label,
              'data-row': row,
              'data-col': col,
              inputMode: 'decimal',
              style: { textAlign: 'right' },
            },
          }}
          placeholder="—"
        />
      )}
      {others.map((t) => (
        <Tooltip
          key={t.id}
          title={
            dotted(t.unitClass && translate(`resources.targets.unitClass.${t.unitClass}`), t.yearFrom && `${t.yearFrom}–${t.year ?? ''}`) ||
            translate('resources.targets.grid.readOnly')
          }
        >
          <Typography variant="caption" display="block" color="text.secondary">
            {targetText(t, format, translate)}
            {t.unitClass ? ` (${translate(`resources.targets.unitClass.${t.unitClass}`)})` : ''}
          </Typography>
        </Tooltip>
      ))}
    </TableCell>
  );
}

/**
 * Targets of a campaign as a grid: one row per unit (the issuer, then a page of the units directly below it), one
 * column per year. Only the page's units and their targets for the metric are read from the API.
 */
export function TargetGrid() {
  const translate = useTranslate();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign') ?? '';
  const metricCode = params.get('metric') ?? 'COMMUNES_NTM';
  const [comparator, setComparator] = useState('GTE');
  const [page, setPage] = useState(0);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  useEffect(() => setPage(0), [campaignId]);

  const { data: metrics = [] } = useGetList('metrics', { pagination: { page: 1, perPage: 200 }, sort: { field: 'nameVi', order: 'ASC' } });
  const { data: campaign } = useGetOne<Campaign>('campaigns', { id: campaignId }, { enabled: Boolean(campaignId) });
  const asOf = campaign?.periodStart;
  const {
    data: children = [],
    total: childCount = 0,
    isPending: childrenPending,
  } = useGetList<Unit>(
    'units',
    {
      pagination: { page: page + 1, perPage: ROWS_PER_PAGE },
      sort: { field: 'name', order: 'ASC' },
      filter: { parentCode: campaign?.issuer.code, asOf },
    },
    { enabled: Boolean(campaign) },
  );
  const rows: Unit[] = campaign ? [{ ...campaign.issuer } as Unit, ...children] : [];
  const {
    data: targets = [],
    isPending: targetsPending,
    refetch,
  } = useGetList<Target>(
    'targets',
    {
      pagination: { page: 1, perPage: 500 },
      sort: { field: 'id', order: 'ASC' },
      filter: { campaignId, metric: metricCode, unitCodes: rows.map((u) => u.code) },
    },
    { enabled: Boolean(campaign) && !childrenPending },
  );
  // Cells are editable only once the page's units and their targets are in: a cell typed into while its target was
  // still on its way would create a second target instead of changing the first.
  const loaded = !childrenPending && !targetsPending;
  const [create] = useCreate();
  const [update] = useUpdate();
  const [remove] = useDelete();
  const metric = metrics.find((m) => m.code === metricCode);
  const years = useMemo(() => {
    if (!campaign) return [] as (number | null)[];
    const from = Number(campaign.periodStart.slice(0, 4));
    const to = Number(campaign.periodEnd.slice(0, 4));
    return [...Array.from({ length: to - from + 1 }, (_, i) => from + i), null];
  }, [campaign]);

  // The message comes once the grid has read its targets again: until then a cell just saved does not know its new
  // target, and clearing it at once would change nothing on the server (the cell would still read empty).
  const done = (key: string, unit: Unit, year: number | null) => ({
    onSuccess: async () => {
      await refetch();
      notify(key, { type: 'success', messageArgs: { unit: unit.name, year: year ?? translate('resources.targets.grid.periodEnd') } });
    },
    onError: async (error: unknown) => {
      await refetch();
      notify((error as Error).message, { type: 'error' });
    },
  });
  const save = (unit: Unit, year: number | null) => async (value: number, existing?: Target) => {
    if (existing) {
      await update(
        'targets',
        { id: existing.id, data: { value }, previousData: existing },
        { mutationMode: 'pessimistic', ...done('resources.targets.grid.saved', unit, year) },
      );
    } else {
      await create(
        'targets',
        {
          data: {
            campaignId,
            unitCode: unit.code,
            unitAsOf: asOf,
            metricCode,
            year,
            comparator,
            valueUnit: VALUE_UNIT[metric?.kind ?? 'COUNT'],
            value,
          },
        },
        done('resources.targets.grid.saved', unit, year),
      );
    }
  };
  const drop = (unit: Unit, year: number | null) => async (existing: Target) => {
    await remove(
      'targets',
      { id: existing.id, previousData: existing },
      { mutationMode: 'pessimistic', ...done('resources.targets.grid.deleted', unit, year) },
    );
  };

  return (
    <PageCard title="resources.targets.grid.title">
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <CampaignPicker value={campaign} onChange={(id) => set('campaign', id)} />
        <SelectField
          label={translate('resources.targets.grid.metric')}
          value={metrics.length ? metricCode : ''}
          choices={metrics.map((m) => ({ id: m.code, name: `${m.nameVi}${m.unitOfMeasure ? ` (${m.unitOfMeasure})` : ''}` }))}
          onChange={(metric) => set('metric', metric)}
          sx={{ minWidth: { xs: '100%', sm: 320 }, flex: 1 }}
          testId="metric-select"
        />
        <SelectField
          label={translate('resources.targets.grid.comparator')}
          value={comparator}
          choices={enumChoices('Comparator').map((c) => ({ id: c.id, name: translate(c.name) }))}
          onChange={setComparator}
          sx={{ minWidth: 200 }}
        />
      </Box>
      {!campaign ? (
        <Alert severity="info">{translate('resources.targets.grid.pick')}</Alert>
      ) : (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('resources.targets.grid.help')}
          </Alert>
          {!loaded && <LinearProgress data-testid="grid-loading" />}
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="target-grid" data-grid>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.targets.fields.unit')}</TableCell>
                  {years.map((y) => (
                    <TableCell key={y ?? 'end'}>{y ?? translate('resources.targets.grid.periodEnd')}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(loaded ? rows : []).map((unit, index) => (
                  <TableRow key={unit.id} sx={index === 0 ? { backgroundColor: 'action.hover' } : undefined}>
                    <TableCell sx={{ fontWeight: index === 0 ? 600 : 400, whiteSpace: 'nowrap' }}>
                      {unit.name}{' '}
                      <Typography variant="caption" color="text.secondary">
                        ({unit.code})
                      </Typography>
                    </TableCell>
                    {years.map((year, col) => (
                      <Cell
                        key={year ?? 'end'}
                        unit={unit}
                        year={year}
                        readOnly={metric?.kind === 'STATUS'}
                        row={index}
                        col={col}
                        targets={targets.filter((t) => t.unit.id === unit.id && t.year === year)}
                        onSave={save(unit, year)}
                        onDelete={drop(unit, year)}
                      />
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <TablePager
            count={childCount}
            page={page}
            onPageChange={(_, next) => setPage(next)}
            rowsPerPage={ROWS_PER_PAGE}
            rowsPerPageOptions={[ROWS_PER_PAGE]}
            data-testid="grid-pager"
          />
        </>
      )}
    </PageCard>
  );
}
