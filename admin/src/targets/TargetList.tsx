import type { RaRecord } from 'react-admin';
import GridOnIcon from '@mui/icons-material/GridOn';
import {
  CreateButton,
  DataTable,
  DateInput,
  ExportButton,
  NumberInput,
  SearchInput,
  TopToolbar,
  Button,
  useGetOne,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { AsOfHelp } from '../common/AsOfHelp';
import { FilterUnitInput } from '../common/FilterUnitInput';
import { useLocalName } from '../common/fields';
import { useFormat, dotted } from '../common/format';
import { Details, RecordTable, ResourceList, type DetailRows, type RowOpen } from '../common/RecordTable';
import { SourceText } from '../common/SourceText';
import { localise } from '../i18n/locale';
import { allows, useCapabilityRules } from '../capabilities';
import { CampaignInput } from './CampaignInput';
import { MetricInput } from './MetricInput';
import { targetText, type Target } from './targetText';

/** The subtree filter reads unit codes on the filter's date, else at the start of the chosen campaign's period. */
function WithinCodeInput(props: { source: string; alwaysOn?: boolean }) {
  const { filterValues } = useListContext();
  const { data: campaign } = useGetOne('campaigns', { id: filterValues.campaignId }, { enabled: Boolean(filterValues.campaignId) });
  return <FilterUnitInput {...props} label="resources.targets.fields.withinCode" asOfSource="asOf" fallbackAsOf={campaign?.periodStart} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CampaignInput key="campaignId" source="campaignId" alwaysOn sx={{ minWidth: { xs: '100%', sm: 360 } }} />,
  <MetricInput key="metric" source="metric" alwaysOn sx={{ minWidth: { xs: '100%', sm: 300 } }} />,
  <NumberInput key="year" source="year" alwaysOn />,
  <WithinCodeInput key="withinCode" source="withinCode" />,
  <DateInput key="asOf" source="asOf" helperText="app.asOfHint" InputProps={{ endAdornment: <AsOfHelp /> }} />,
];

function Actions() {
  const { filterValues } = useListContext();
  const grid = new URLSearchParams({
    ...(filterValues.campaignId ? { campaign: String(filterValues.campaignId) } : {}),
    ...(filterValues.metric ? { metric: filterValues.metric } : {}),
  });
  return (
    <TopToolbar>
      <Button component={Link} to={`/targets/grid?${grid}`} label="resources.targets.gridButton">
        <GridOnIcon />
      </Button>
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

/** Targets of every campaign, filtered, sorted and paged by the API; the grid edits one campaign's targets unit × year. */
export function TargetList() {
  const translate = useTranslate();
  const format = useFormat();
  const name = useLocalName();
  const rules = useCapabilityRules();
  // A planner of the campaign edits the target; anyone else unfolds it to read the plan's words.
  const opens = (t: Target & { campaign: { issuer: { path: string } } }): RowOpen =>
    rules && allows(rules, 'PLAN_CAMPAIGNS', t.campaign.issuer.path) ? 'edit' : 'expand';
  // Read by someone who may not change it: the plan's words, its source and reading notes.
  const details = (t: Target & RaRecord): DetailRows => {
    const fraction = t.numerator != null && t.denominator != null ? `${format.number(t.numerator)}/${format.number(t.denominator)}` : null;
    return [
      ['resources.targets.fields.campaign', t.campaign.name],
      ['resources.targets.fields.value', targetText(t, format, translate)],
      [
        'resources.targets.fields.denominator',
        fraction &&
          dotted(fraction, t.denominatorBasis ? translate(`resources.targets.denominatorBasis.${t.denominatorBasis}`) : null, t.basisNote),
      ],
      ['resources.targets.fields.unitClass', t.unitClass ? translate(`resources.targets.unitClass.${t.unitClass}`) : null],
      ['resources.targets.fields.quote', t.quote],
      ['resources.targets.fields.note', t.note && localise(t.note)],
      ['resources.targets.fields.source', <SourceText source={t.source} />],
    ];
  };
  const year = (t: Target) => (t.year ?? translate('resources.targets.grid.periodEnd')) + (t.yearFrom ? ` (${t.yearFrom}–)` : '');
  return (
    <ResourceList filters={filters} actions={<Actions />} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
      <RecordTable
        rowClick={opens}
        expand={<Details rows={details} />}
        phone={{
          primary: (t) => name(t.metric),
          secondary: (t) => `${t.unit?.name ?? ''} (${t.unitCode}) · ${year(t)}`,
          tertiary: (t) => targetText(t as Target, format, translate),
        }}
      >
        <DataTable.Col source="campaign" render={(t) => t.campaign.name} />
        <DataTable.Col source="unit" render={(t) => `${t.unit?.name ?? ''} (${t.unitCode})`} />
        <DataTable.Col source="metric" render={(t) => name(t.metric)} />
        <DataTable.Col source="year" render={year} />
        <DataTable.Col source="value" render={(t) => targetText(t as Target, format, translate)} />
        <DataTable.Col source="quote" disableSort />
      </RecordTable>
    </ResourceList>
  );
}
