import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Typography } from '@mui/material';
import { Button, EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText, EnumText, NoteText, useLocalName } from '../common/fields';
import { SourceText } from '../common/SourceText';
import { RuleView } from './RuleBuilder';

function Actions() {
  const standard = useRecordContext();
  return (
    <TopToolbar>
      {standard?.rule && (
        <Button
          component={Link}
          to={`/eligibility?campaign=${standard.campaign.id}&standard=${standard.id}&year=${standard.year ?? new Date().getFullYear()}`}
          label="resources.awardStandards.eligibility"
        >
          <FactCheckIcon />
        </Button>
      )}
      <EditButton />
    </TopToolbar>
  );
}

function Rule() {
  const standard = useRecordContext();
  return <RuleView rule={standard?.rule} />;
}

function Source(_props: { label: string }) {
  const standard = useRecordContext();
  return standard?.source ? <SourceText source={standard.source} /> : <span>—</span>;
}

function FormName(_props: { label: string }) {
  const standard = useRecordContext();
  const name = useLocalName();
  return <span>{standard?.form ? name(standard.form) : '—'}</span>;
}

function Deadline(_props: { label: string }) {
  const standard = useRecordContext();
  const translate = useTranslate();
  if (!standard?.deadlineInfo) return <span>—</span>;
  return (
    <span>
      <DateText source="deadlineInfo.date" /> ({translate(`resources.awardStandards.deadlineSource.${standard.deadlineInfo.source}`)})
    </span>
  );
}

/** A standard with the plan's text, its source and its rule in words. */
export function AwardStandardShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <EnumText source="occasion" enumName="AwardOccasion" chip />
        <TextField source="year" emptyText="—" />
        <EnumText source="subjectType" enumName="AwardSubjectType" />
        <TextField source="subjectLabel" emptyText="—" />
        <EnumText source="basis" enumName="AwardStandardBasis" />
        <FormName label="resources.awardStandards.fields.form" />
        <TextField source="quota" emptyText="—" />
        <TextField source="criteriaText" sx={{ whiteSpace: 'pre-line' }} />
        <Labeled label="resources.awardStandards.fields.rule" fullWidth>
          <Rule />
        </Labeled>
        <NoteText source="note" label="resources.awardStandards.fields.note" />
        <Source label="resources.awardStandards.fields.source" />
        <Deadline label="resources.awardStandards.fields.deadline" />
        <Typography variant="caption" color="text.secondary">
          {translate('app.version')}: <TextField source="version" />
        </Typography>
      </SimpleShowLayout>
    </Show>
  );
}
