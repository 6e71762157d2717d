import type { AssessmentResult } from '../dataProvider';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  MenuItem,
  Select,
  Stack,
  TableCell,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useCreate, useGetList, useGetOne, useLocaleState, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { COMPARATOR_SIGN } from '../common/enums';
import { useFormat } from '../common/format';
import { onGridKeyDown } from '../common/gridKeys';
import { unitDate, type PickedUnit } from '../common/UnitPicker';
import { useHub } from '../common/useHub';
import { PageCard } from '../common/PageCard';
import { SelectField } from '../common/SelectField';
import { YearField } from '../common/YearField';
import { AssessedUnitPicker } from './AssessedUnitPicker';
import { assessmentId } from './assessmentId';
import { BulkEntry } from './BulkEntry';
import { evaluateCriterion, passes, type Effective } from './evaluate';
import { SimpleTable } from '../common/SimpleTable';

interface Indicator {
  code: string;
  name: string;
  nameEn: string | null;
  unit: string | null;
  comparator: string;
}
interface Criterion {
  number: number;
  name: string;
  nameEn: string | null;
  indicators: Indicator[];
}
type Decision = 'auto' | 'yes' | 'no';
interface Row {
  values: Record<string, string>;
  evidence: Record<string, string>;
  decision: Decision;
  reason: string;
}
interface Sheet {
  criteria: Criterion[];
  effective: Record<string, Effective>;
  version: number | null;
  rows: Record<number, Row>;
}

/** The yearly checklist of a commune: the set's criteria with indicator values, met by threshold and why, overrides with a reason. */
export function AssessmentEntry() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const format = useFormat();
  const [locale] = useLocaleState();
  const dataProvider = useHub();
  const [create, { isPending: saving }] = useCreate();
  const [params] = useSearchParams();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [setId, setSetId] = useState(params.get('criteriaSetId') ?? '');
  const [year, setYear] = useState(params.get('year') ?? String(Math.min(new Date().getFullYear(), 2025)));
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<'one' | 'many'>(params.get('mode') === 'many' ? 'many' : 'one');
  const midYear = /^\d{4}$/.test(year) ? `${year}-06-30` : null;
  // The commune sets in force in the chosen year.
  const { data: sets = [] } = useGetList('criteriaSets', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'periodStart', order: 'ASC' },
    filter: { appliesTo: 'COMMUNE', year: midYear ? Number(year) : undefined },
  });
  // The NTM standard set first: the advanced and model sets are for communes already recognised.
  useEffect(() => {
    if (sets.length && !sets.some((x) => String(x.id) === setId)) setSetId(String((sets.find((x) => x.tier === 'STANDARD') ?? sets[0]).id));
  }, [sets]); // eslint-disable-line react-hooks/exhaustive-deps
  const { data: chosenSet } = useGetOne('criteriaSets', { id: setId }, { enabled: mode === 'many' && !!setId });
  // A link from an assessment's page names the commune by code: read it on the year's date.
  useEffect(() => {
    const code = params.get('unitCode');
    if (code && midYear) dataProvider.unitByCode(code, midYear).then(setUnit, () => setUnit(null));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  // The checklist opens by itself once commune, set and year are chosen; changing one of them closes it.
  useEffect(() => {
    setSheet(null);
    if (unit && setId && midYear) void open(unit);
  }, [unit?.id, setId, year]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = async (picked: PickedUnit) => {
    try {
      const code = picked.code;
      const { data: set } = await dataProvider.getOne('criteriaSets', { id: setId });
      const withThresholds = await dataProvider.effectiveThresholds(setId, code, Number(year), midYear ?? undefined);
      const effective: Record<string, Effective> = {};
      for (const c of withThresholds.criteria) for (const i of c.indicators) effective[i.code] = i.effectiveThreshold;
      const existing = await dataProvider.getOne('assessments', { id: assessmentId(setId, Number(year), code) }).then(
        (r) => r.data,
        () => null,
      );
      const rows: Record<number, Row> = {};
      for (const criterion of set.criteria as Criterion[]) {
        const result = existing?.results.find((r: AssessmentResult) => r.criterionNumber === criterion.number);
        const values: Record<string, string> = {};
        const evidence: Record<string, string> = {};
        for (const i of result?.indicators ?? []) {
          values[i.code] = i.value == null ? '' : format.number(i.value);
          evidence[i.code] = i.evidence ?? '';
        }
        const decision: Decision = !result
          ? 'auto'
          : result.overridden || result.evaluatedMet == null
            ? result.met
              ? 'yes'
              : 'no'
            : 'auto';
        rows[criterion.number] = { values, evidence, decision, reason: result?.overrideReason ?? '' };
      }
      setSheet({ criteria: set.criteria, effective, version: existing?.version ?? null, rows });
      setErrors({});
      setNotice(null);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const change = (number: number, patch: Partial<Row>) =>
    setSheet((s) => s && { ...s, rows: { ...s.rows, [number]: { ...s.rows[number], ...patch } } });
  const numbers = (row: Row) => Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, format.parse(v)]));
  /** Marks every criterion met, except those whose values fall short of a threshold (those keep "by threshold"). */
  const markAllMet = () => {
    if (!sheet) return;
    let marked = 0;
    let left = 0;
    const rows = { ...sheet.rows };
    for (const criterion of sheet.criteria) {
      const evaluated = evaluateCriterion(criterion.indicators, numbers(rows[criterion.number]), sheet.effective);
      if (evaluated === false) {
        left++;
        continue;
      }
      rows[criterion.number] = { ...rows[criterion.number], decision: evaluated === true ? 'auto' : 'yes' };
      marked++;
    }
    setSheet({ ...sheet, rows });
    setNotice(translate('resources.assessments.entry.markedAllMet', { smart_count: marked, left }));
  };

  const submit = () => {
    if (!sheet) return;
    const problems: Record<number, string> = {};
    const results = sheet.criteria.map((criterion) => {
      const row = sheet.rows[criterion.number];
      const values = numbers(row);
      const evaluated = evaluateCriterion(criterion.indicators, values, sheet.effective);
      const met = row.decision === 'auto' ? undefined : row.decision === 'yes';
      if (row.decision === 'auto' && evaluated == null) problems[criterion.number] = translate('resources.assessments.entry.needsDecision');
      if (met !== undefined && evaluated != null && met !== evaluated && !row.reason.trim())
        problems[criterion.number] = translate('resources.assessments.entry.reasonRequired');
      for (const [code, value] of Object.entries(values))
        if (Number.isNaN(value)) problems[criterion.number] = translate('ra.validation.number') + ` (${code})`;
      const indicators = criterion.indicators
        .filter((i) => values[i.code] != null)
        .map((i) => ({ code: i.code, value: values[i.code], evidence: row.evidence[i.code] || null }));
      return {
        criterionNumber: criterion.number,
        met,
        indicators,
        overrideReason: met !== undefined && row.reason.trim() ? row.reason.trim() : null,
      };
    });
    setErrors(problems);
    if (Object.keys(problems).length) {
      notify('ra.message.invalid_form', { type: 'error' });
      return;
    }
    if (!unit) return;
    // The code with a day the commune is valid: codes were reused in 2025.
    create(
      'assessments',
      {
        data: {
          unitCode: unit.code,
          asOf: unitDate(unit, midYear),
          criteriaSetId: setId,
          year: Number(year),
          results,
          expectedVersion: sheet.version,
        },
      },
      {
        onSuccess: (saved) => {
          notify('resources.assessments.entry.saved', {
            type: 'success',
            messageArgs: { met: saved.metCount, count: saved.criteriaCount },
          });
          redirect('show', 'assessments', saved.id);
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  };

  return (
    <PageCard title="resources.assessments.entry.title">
      <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_e, value) => value && setMode(value)} sx={{ mb: 2 }}>
        <ToggleButton value="one" data-testid="mode-one">
          {translate('resources.assessments.entry.one')}
        </ToggleButton>
        <ToggleButton value="many" data-testid="mode-many">
          {translate('resources.assessments.entry.many')}
        </ToggleButton>
      </ToggleButtonGroup>
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        <YearField value={year} onChange={setYear} width={120} />
        <SelectField
          label={translate('resources.assessments.fields.criteriaSet')}
          value={sets.some((x) => String(x.id) === setId) ? setId : ''}
          choices={sets.map((x) => ({ id: String(x.id), name: `${x.name} (${x.code})` }))}
          onChange={setSetId}
          sx={{ minWidth: 280, flex: 1 }}
          wrap
        />
        {mode === 'one' && (
          <AssessedUnitPicker level="COMMUNE" midYear={midYear} value={unit} onChange={setUnit} sx={{ flex: 2, minWidth: 260 }} />
        )}
      </Stack>
      {mode === 'many' && chosenSet?.criteria && (
        <BulkEntry
          setId={setId}
          year={year}
          criteria={(chosenSet.criteria as Criterion[]).map((c) => ({
            number: c.number,
            name: locale === 'en' && c.nameEn ? c.nameEn : c.name,
          }))}
        />
      )}
      {mode === 'one' && !sheet && <Alert severity="info">{translate('resources.assessments.entry.pickFirst')}</Alert>}
      {mode === 'one' && sheet && unit && (
        <>
          <Typography variant="h6" component="h2" data-testid="checklist-unit">
            {unit.name} ({unit.code}) — {translate('app.year')} {year}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {unit.ancestors
              .filter((a) => a.level !== 'NATION')
              .reverse()
              .map((a) => a.name)
              .join(' · ')}{' '}
            · {sets.find((x) => String(x.id) === setId)?.name}
          </Typography>
          {sheet.version != null && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('resources.assessments.entry.existing', { version: sheet.version })}
            </Alert>
          )}
          <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
            <MuiButton variant="outlined" onClick={markAllMet} data-testid="mark-all-met">
              {translate('resources.assessments.entry.markAllMet')}
            </MuiButton>
            <Typography variant="caption" color="text.secondary">
              {translate('resources.assessments.entry.keys')}
            </Typography>
          </Stack>
          {notice && (
            <Alert severity="success" sx={{ mb: 1 }} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          <Box sx={{ overflowX: 'auto' }}>
            <SimpleTable
              data-testid="checklist"
              data-grid
              labels={[
                'resources.assessments.entry.criterion',
                'resources.assessments.entry.indicators',
                'resources.assessments.entry.evaluated',
                'resources.assessments.entry.met',
                'resources.assessments.entry.overrideReason',
              ]}
            >
              {sheet.criteria.map((criterion, criterionIndex) => {
                const row = sheet.rows[criterion.number];
                const firstRow = sheet.criteria.slice(0, criterionIndex).reduce((n, c) => n + Math.max(1, c.indicators.length), 0);
                const values = numbers(row);
                const evaluated = evaluateCriterion(criterion.indicators, values, sheet.effective);
                return (
                  <TableRow key={criterion.number} data-criterion={criterion.number}>
                    <TableCell sx={{ maxWidth: 260 }}>
                      <b>{criterion.number}.</b> {locale === 'en' && criterion.nameEn ? criterion.nameEn : criterion.name}
                    </TableCell>
                    <TableCell>
                      {criterion.indicators.map((indicator, indicatorIndex) => {
                        const threshold = sheet.effective[indicator.code]?.value ?? null;
                        const value = values[indicator.code];
                        const passed = value == null || Number.isNaN(value) ? null : passes(indicator.comparator, value, threshold);
                        return (
                          <Stack key={indicator.code} direction="row" spacing={1} alignItems="center" sx={{ mb: 0.5 }}>
                            <TextField
                              size="small"
                              fullWidth={false}
                              sx={{ width: 110, flexShrink: 0 }}
                              label={indicator.code}
                              value={row.values[indicator.code] ?? ''}
                              onKeyDown={onGridKeyDown}
                              slotProps={{
                                htmlInput: { 'data-row': firstRow + indicatorIndex, 'data-col': 0, inputMode: 'decimal' },
                              }}
                              onChange={(e) => change(criterion.number, { values: { ...row.values, [indicator.code]: e.target.value } })}
                            />
                            <Typography variant="caption" sx={{ maxWidth: 260 }}>
                              {indicator.name} —{' '}
                              {indicator.comparator === 'BOOL'
                                ? '0/1'
                                : threshold == null
                                  ? translate('resources.assessments.entry.noThreshold')
                                  : `${COMPARATOR_SIGN[indicator.comparator]} ${format.number(threshold)}${indicator.unit ? ` ${indicator.unit}` : ''}`}
                              {passed == null ? '' : passed ? ' ✓' : ' ✗'}
                            </Typography>
                          </Stack>
                        );
                      })}
                    </TableCell>
                    <TableCell>
                      {evaluated == null ? (
                        <Typography variant="caption" color="text.secondary">
                          —
                        </Typography>
                      ) : (
                        <Chip
                          size="small"
                          color={evaluated ? 'success' : 'error'}
                          label={translate(evaluated ? 'resources.assessments.result.met' : 'resources.assessments.result.notMet')}
                        />
                      )}
                    </TableCell>
                    <TableCell>
                      <Select
                        size="small"
                        value={row.decision}
                        onChange={(e) => change(criterion.number, { decision: e.target.value as Decision })}
                        inputProps={{ 'aria-label': `met-${criterion.number}` }}
                      >
                        <MenuItem value="auto">{translate('resources.assessments.entry.metAuto')}</MenuItem>
                        <MenuItem value="yes">{translate('resources.assessments.entry.metYes')}</MenuItem>
                        <MenuItem value="no">{translate('resources.assessments.entry.metNo')}</MenuItem>
                      </Select>
                      {errors[criterion.number] && (
                        <Typography variant="caption" color="error" display="block">
                          {errors[criterion.number]}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <TextField
                        size="small"
                        fullWidth={false}
                        value={row.reason}
                        onChange={(e) => change(criterion.number, { reason: e.target.value })}
                        placeholder={translate('app.reason')}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </SimpleTable>
          </Box>
          <Box sx={{ mt: 2 }}>
            <MuiButton variant="contained" onClick={submit} disabled={saving} data-testid="save-assessment">
              {translate('ra.action.save')}
            </MuiButton>
          </Box>
        </>
      )}
    </PageCard>
  );
}
