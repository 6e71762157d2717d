import { Chip, TableCell, TableRow, Typography } from '@mui/material';
import { Button, Show, SimpleShowLayout, TextField, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { COMPARATOR_SIGN } from '../common/enums';
import { DateText } from '../common/fields';
import { useFormat } from '../common/format';
import type { AssessmentResult } from '../dataProvider';
import { SimpleTable } from '../common/SimpleTable';

function Results() {
  const assessment = useRecordContext<{ id: string; results: AssessmentResult[]; metCount: number; criteriaCount: number }>();
  const translate = useTranslate();
  const format = useFormat();
  const [locale] = useLocaleState();
  if (!assessment) return null;
  return (
    <>
      <Typography variant="h6">
        {translate('resources.assessments.entry.summary', { met: assessment.metCount, count: assessment.criteriaCount })}
      </Typography>
      <SimpleTable
        labels={[
          'resources.assessments.entry.criterion',
          'resources.assessments.entry.met',
          'resources.assessments.entry.evaluated',
          'resources.assessments.entry.indicators',
          'resources.assessments.entry.overrideReason',
        ]}
      >
        {assessment.results.map((r) => (
          <TableRow key={r.criterionNumber}>
            <TableCell>
              {r.criterionNumber}. {locale === 'en' && r.criterion?.nameEn ? r.criterion.nameEn : r.criterion?.name}
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                color={r.met ? 'success' : 'default'}
                label={translate(r.met ? 'resources.assessments.result.met' : 'resources.assessments.result.notMet')}
              />
              {r.overridden && (
                <Chip size="small" color="warning" sx={{ ml: 1 }} label={translate('resources.assessments.result.overridden')} />
              )}
            </TableCell>
            <TableCell>
              {r.evaluatedMet == null
                ? '—'
                : translate(r.evaluatedMet ? 'resources.assessments.result.met' : 'resources.assessments.result.notMet')}
            </TableCell>
            <TableCell>
              {r.indicators.map((i) => (
                <Typography key={i.code} variant="caption" display="block">
                  {i.code}: {format.number(i.value)} {COMPARATOR_SIGN[i.comparator]}{' '}
                  {i.threshold == null ? translate('resources.assessments.entry.noThreshold') : format.number(i.threshold)}
                  {i.passed == null ? '' : i.passed ? ' ✓' : ' ✗'}
                </Typography>
              ))}
            </TableCell>
            <TableCell>{r.overrideReason ?? ''}</TableCell>
          </TableRow>
        ))}
      </SimpleTable>
    </>
  );
}

function Actions() {
  const a = useRecordContext();
  if (!a) return null;
  return (
    <TopToolbar>
      <Button
        component={Link}
        to={`/assessments/create?unitCode=${a.unit.code}&criteriaSetId=${a.criteriaSet.id}&year=${a.year}`}
        label="resources.assessments.entry.title"
      >
        <EditNoteIcon />
      </Button>
    </TopToolbar>
  );
}

/** One assessment: each criterion's conclusion, the evaluation by threshold and why, and overrides with reasons. */
export function AssessmentShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="unit.name" label="resources.assessments.fields.unit" />
        <TextField source="criteriaSet.name" label="resources.assessments.fields.criteriaSet" />
        <TextField source="year" />
        <TextField source="version" />
        <DateText source="updatedAt" withTime label="resources.assessments.fields.updatedAt" />
        <Results />
      </SimpleShowLayout>
    </Show>
  );
}
