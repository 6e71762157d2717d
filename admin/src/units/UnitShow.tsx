import type { ReactNode } from 'react';
import { Breadcrumbs, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText, EnumText, PeriodText } from '../common/fields';
import { KeyboardBody } from '../common/RecordTable';
import { useFormat } from '../common/format';
import { Classifications } from './Classifications';
import { Villages } from './Villages';

interface LinkedUnit {
  id: string;
  code: string;
  name: string;
  level?: string;
  validFrom?: string | null;
  validTo?: string | null;
}
interface LineageLink {
  share: string;
  unit: LinkedUnit;
  reorganisation: { id: string; resolutionNumber: string; effectiveOn: string } | null;
}

function Ancestors() {
  const unit = useRecordContext<{ ancestors: LinkedUnit[] }>();
  const translate = useTranslate();
  if (!unit?.ancestors?.length) return null;
  return (
    <Labeled label={translate('resources.units.ancestors')}>
      <Breadcrumbs>
        {unit.ancestors.map((a) => (
          <MuiLink key={a.id} component={Link} to={`/units/${a.id}/show`}>
            {a.name}
          </MuiLink>
        ))}
      </Breadcrumbs>
    </Labeled>
  );
}

function LineageList({ source }: { source: 'predecessors' | 'successors' }) {
  const unit = useRecordContext<Record<string, LineageLink[]>>();
  const translate = useTranslate();
  const format = useFormat();
  const links = unit?.[source] ?? [];
  return (
    <Labeled label={translate(`resources.units.${source}`)}>
      {links.length ? (
        <Stack spacing={0.5}>
          {links.map((l) => (
            <Typography key={l.unit.id} variant="body2">
              <MuiLink component={Link} to={`/units/${l.unit.id}/show`}>
                {l.unit.name} ({l.unit.code})
              </MuiLink>
              {' — '}
              {translate(`enums.LineageShare.${l.share}`)}
              {l.unit.validTo ? ` (${format.date(l.unit.validFrom)} – ${format.date(l.unit.validTo)})` : ''}
              {l.reorganisation && (
                <>
                  {' · '}
                  <MuiLink component={Link} to={`/reorganisations/${l.reorganisation.id}/show`}>
                    {l.reorganisation.resolutionNumber}
                  </MuiLink>
                </>
              )}
            </Typography>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2">{translate('app.none')}</Typography>
      )}
    </Labeled>
  );
}

/** Sub-units are read on the last day the unit is valid: codes of former units are reused after 1 July 2025. */
function Children() {
  const unit = useRecordContext<{ validTo?: string | null }>();
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="units"
      target="parentCode"
      source="code"
      filter={{ asOf: unit?.validTo ?? undefined }}
      perPage={25}
      sort={{ field: 'name', order: 'ASC' }}
      pagination={<Pagination />}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        body={KeyboardBody}
        empty={<Typography sx={{ p: 2 }}>{translate('resources.units.noChildren')}</Typography>}
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" disableSort>
          <EnumText source="kind" enumName="UnitKind" />
        </DataTable.Col>
        <DataTable.Col source="validTo" disableSort>
          <DateText source="validTo" />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}

function Campaigns() {
  const unit = useRecordContext<{ campaigns: { id: string; name: string; status: string; periodStart: string; periodEnd: string }[] }>();
  const translate = useTranslate();
  if (!unit?.campaigns?.length) return <Typography variant="body2">{translate('app.none')}</Typography>;
  return (
    <Stack spacing={1}>
      {unit.campaigns.map((c) => (
        <Typography key={c.id} variant="body2">
          <MuiLink component={Link} to={`/campaigns/${c.id}/show`}>
            {c.name}
          </MuiLink>{' '}
          — {translate(`enums.CampaignStatus.${c.status}`)}
        </Typography>
      ))}
    </Stack>
  );
}

/** The unit's tabs after its summary: the path names the tab and its label (`resources.units.tabs.<path>`). */
const SECTIONS: [string, ReactNode][] = [
  ['children', <Children />],
  ['villages', <Villages />],
  [
    'lineage',
    <>
      <LineageList source="predecessors" />
      <LineageList source="successors" />
    </>,
  ],
  ['classifications', <Classifications />],
  ['campaigns', <Campaigns />],
];

/** A unit with its place in the hierarchy, its sub-units (tree navigation), villages, classifications and lineage. */
export function UnitShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.units.tabs.overview">
          <Ancestors />
          <TextField source="code" />
          <TextField source="name" />
          <EnumText source="level" enumName="UnitLevel" label="resources.units.fields.level" />
          <EnumText source="kind" enumName="UnitKind" label="resources.units.fields.kind" />
          <PeriodText from="validFrom" to="validTo" label="resources.campaigns.fields.period" />
        </TabbedShowLayout.Tab>
        {SECTIONS.map(([path, content]) => (
          <TabbedShowLayout.Tab key={path} label={`resources.units.tabs.${path}`} path={path}>
            {content}
          </TabbedShowLayout.Tab>
        ))}
      </TabbedShowLayout>
    </Show>
  );
}
