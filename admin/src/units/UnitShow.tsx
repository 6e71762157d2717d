import { Breadcrumbs, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Labeled, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumText, PeriodText } from '../common/fields';
import { DateColumn } from '../common/columns';
import { useFormat } from '../common/format';
import { Classifications } from './Classifications';
import { Villages } from './Villages';
import { TabbedRecord, type RecordSections } from '../common/TabbedRecord';
import { UnitsBelow } from './UnitsBelow';

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

function Children() {
  return (
    <UnitsBelow target="parentCode" empty="resources.units.noChildren">
      <DateColumn source="validTo" disableSort />
    </UnitsBelow>
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

/** The unit's tabs after its summary. */
const SECTIONS: RecordSections = [
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
    <TabbedRecord labels="resources.units.tabs" sections={SECTIONS}>
      <Ancestors />
      <TextField source="code" />
      <TextField source="name" />
      <EnumText source="level" enumName="UnitLevel" label="resources.units.fields.level" />
      <EnumText source="kind" enumName="UnitKind" label="resources.units.fields.kind" />
      <PeriodText from="validFrom" to="validTo" label="resources.campaigns.fields.period" />
    </TabbedRecord>
  );
}
