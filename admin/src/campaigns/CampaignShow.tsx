import type { RaRecord } from 'react-admin';
import type { DeadlineMilestone } from '../dataProvider';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Link as MuiLink, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { DeleteButton, EditButton, Labeled, TextField, TopToolbar, useRecordContext, useTranslate, Button } from 'react-admin';
import { Link } from 'react-router-dom';
import { CampaignAwardForms } from '../awardStandards/CampaignAwardForms';
import { EnumText, NoteText, PeriodText } from '../common/fields';
import { localise } from '../i18n/locale';
import { useFormat, dotted } from '../common/format';
import { DeriveCampaignButton } from './DeriveCampaignButton';
import { DeleteMilestoneButton, MilestoneDialogButton } from './MilestoneEditor';
import { TabbedRecord, type RecordSections } from '../common/TabbedRecord';
import { useCan, useCanBelow } from '../capabilities';
import { SimpleTable } from '../common/SimpleTable';

interface DocumentRef {
  number?: string;
  date?: string;
  dateText?: string;
  issuer?: string;
  title?: string;
}
/** The plan a campaign carries out, as the campaign's document selects it. */
interface CampaignPlan extends DocumentRef {
  signer?: string | null;
  signerTitle?: string | null;
  issuingBody?: string | null;
  note?: string | null;
  parentPlanRef?: DocumentRef | null;
  legalBases?: DocumentRef[];
  citedDocuments?: DocumentRef[];
}
/** A milestone, a sub-campaign and a subject of a campaign, as its document selects them. */
type Milestone = RaRecord & DeadlineMilestone;
interface ChildCampaign {
  id: string;
  name: string;
  status: string;
  issuer: { name: string };
}
interface Subject {
  id: string;
  type: string;
  label: string;
  criteriaText: string;
}

function Actions() {
  const campaign = useRecordContext();
  const mayPlan = useCan('PLAN_CAMPAIGNS', campaign?.issuer?.path ?? null);
  const mayPlanBelow = useCanBelow('PLAN_CAMPAIGNS', campaign?.issuer?.path ?? null);
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {campaign && mayPlan && (
        <Button component={Link} to={`/targets/grid?campaign=${campaign.id}`} label="resources.campaigns.targetsButton">
          <GridOnIcon />
        </Button>
      )}
      {mayPlanBelow && <DeriveCampaignButton />}
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

function Plan() {
  const campaign = useRecordContext<{ id: string; plan: CampaignPlan | null }>();
  const translate = useTranslate();
  const format = useFormat();
  const plan = campaign?.plan;
  if (!plan) return null;
  const docLine = (d: DocumentRef) => dotted(d.number, d.date ? format.date(d.date) : d.dateText, d.issuer, d.title);
  const row = (key: string, value: unknown) =>
    value ? (
      <Labeled key={key} label={translate(`resources.campaigns.plan.${key}`)}>
        <Typography variant="body2">{String(value)}</Typography>
      </Labeled>
    ) : null;
  return (
    <Stack spacing={1}>
      {row('number', plan.number)}
      {row('date', plan.date ? format.date(plan.date) : plan.dateText)}
      {row('title', plan.title)}
      {row('signer', [plan.signer, plan.signerTitle].filter(Boolean).join(', '))}
      {row('issuingBody', plan.issuingBody)}
      {row('note', plan.note ? localise(plan.note) : null)}
      {plan.parentPlanRef && row('parentPlanRef', docLine(plan.parentPlanRef))}
      {(['legalBases', 'citedDocuments'] as const).map((key) =>
        plan[key]?.length ? (
          <div key={key} data-testid={`plan-${key}`}>
            <Typography variant="caption" color="text.secondary">
              {translate(`resources.campaigns.plan.${key}`)}
            </Typography>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {plan[key].map((d, i) => (
                <li key={i}>
                  <Typography variant="body2">{docLine(d)}</Typography>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </Stack>
  );
}

function Milestones() {
  const campaign = useRecordContext<{ id: string; milestones: Milestone[]; issuer: { path: string } }>();
  const mayPlan = useCan('PLAN_CAMPAIGNS', campaign?.issuer?.path ?? null);
  const translate = useTranslate();
  const format = useFormat();
  const deadline = (m: Milestone) =>
    m.deadline
      ? format.date(m.deadline)
      : m.deadlineDay
        ? `${String(m.deadlineDay).padStart(2, '0')}/${String(m.deadlineMonth).padStart(2, '0')}`
        : '';
  return (
    <Stack alignItems="flex-start">
      {mayPlan && <MilestoneDialogButton />}
      <SimpleTable
        data-testid="milestones"
        prefix="resources.campaigns.milestone"
        labels={['kind', 'recurrence', 'year', 'deadline', 'description', '']}
      >
        {(campaign?.milestones ?? []).map((m) => (
          <TableRow key={m.id} data-milestone={m.id}>
            <TableCell>{translate(`enums.MilestoneKind.${m.kind}`)}</TableCell>
            <TableCell>{translate(`enums.Recurrence.${m.recurrence}`)}</TableCell>
            <TableCell>{m.year ?? ''}</TableCell>
            <TableCell>{deadline(m)}</TableCell>
            <TableCell>{m.description}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {mayPlan && (
                <>
                  <MilestoneDialogButton milestone={m} />
                  <DeleteMilestoneButton milestone={m} />
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </SimpleTable>
    </Stack>
  );
}

function Children() {
  const campaign = useRecordContext<{ id: string; children: ChildCampaign[] }>();
  const translate = useTranslate();
  if (!campaign?.children?.length) return <Typography variant="body2">{translate('app.none')}</Typography>;
  return (
    <SimpleTable labels={['resources.campaigns.fields.name', 'resources.campaigns.fields.issuer', 'resources.campaigns.fields.status']}>
      {campaign.children.map((c) => (
        <TableRow key={c.id}>
          <TableCell>
            <MuiLink component={Link} to={`/campaigns/${c.id}/show`}>
              {c.name}
            </MuiLink>
          </TableCell>
          <TableCell>{c.issuer.name}</TableCell>
          <TableCell>{translate(`enums.CampaignStatus.${c.status}`)}</TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

function Subjects() {
  const campaign = useRecordContext<{ id: string; subjects: Subject[] }>();
  const translate = useTranslate();
  return (
    <SimpleTable prefix="resources.campaigns.subject" labels={['type', 'label', 'criteriaText']}>
      {(campaign?.subjects ?? []).map((s) => (
        <TableRow key={s.id}>
          <TableCell>{translate(`enums.SubjectType.${s.type}`)}</TableCell>
          <TableCell>{s.label}</TableCell>
          <TableCell sx={{ whiteSpace: 'pre-line' }}>{s.criteriaText}</TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

/** The plan's date, or the part of it the document gives ("tháng 5 năm 2022"). */
function PlanDate(_props: { label: string }) {
  const campaign = useRecordContext<{ plan?: { date?: string | null; dateText?: string | null } }>();
  const format = useFormat();
  return <span>{campaign?.plan?.date ? format.date(campaign.plan.date) : (campaign?.plan?.dateText ?? '—')}</span>;
}

function ParentLink(_props: { label: string }) {
  const campaign = useRecordContext<{ parent?: { id: string; name: string } | null }>();
  if (!campaign?.parent) return <span>—</span>;
  return (
    <MuiLink component={Link} to={`/campaigns/${campaign.parent.id}/show`}>
      {campaign.parent.name}
    </MuiLink>
  );
}

/** The campaign's tabs after its summary. */
const SECTIONS: RecordSections = [
  ['plan', <Plan />],
  ['milestones', <Milestones />],
  ['subjects', <Subjects />],
  ['children', <Children />],
  ['awardForms', <CampaignAwardForms />],
];

/** A campaign with its plan document, milestones, subjects, child campaigns and award forms; derive a child from here. */
export function CampaignShow() {
  return (
    <TabbedRecord labels="resources.campaigns.tabs" actions={<Actions />} sections={SECTIONS}>
      <TextField source="name" />
      <TextField source="slogan" emptyText="—" />
      <TextField source="issuer.name" label="resources.campaigns.fields.issuer" />
      <ParentLink label="resources.campaigns.fields.parent" />
      <PeriodText label="resources.campaigns.fields.period" />
      <EnumText source="status" enumName="CampaignStatus" label="resources.campaigns.fields.status" chip />
      <NoteText source="note" label="resources.campaigns.fields.note" />
      <PlanDate label="resources.campaigns.fields.plan.date" />
    </TabbedRecord>
  );
}
