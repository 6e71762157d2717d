import GridOnIcon from '@mui/icons-material/GridOn';
import {
  CreateButton, DataTable, DateInput, ExportButton, List, NumberInput, SearchInput, TopToolbar, Button, useGetOne, useListContext, useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { useFormat } from '../common/format';
import { CampaignInput } from './CampaignInput';
import { MetricInput } from './MetricInput';
import { targetText, type Target } from './targetText';

/** The subtree filter reads unit codes on the filter's date, else at the start of the chosen campaign's period. */
function WithinCodeInput(props: { source: string; alwaysOn?: boolean }) {
  const { filterValues } = useListContext();
  const { data: campaign } = useGetOne('campaigns', { id: filterValues.campaignId }, { enabled: Boolean(filterValues.campaignId) });
  return <UnitCodeInput {...props} label="resources.targets.fields.withinCode" asOf={filterValues.asOf || campaign?.periodStart} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CampaignInput key="campaignId" source="campaignId" alwaysOn sx={{ minWidth: { xs: '100%', sm: 360 } }} />,
  <MetricInput key="metric" source="metric" alwaysOn sx={{ minWidth: { xs: '100%', sm: 300 } }} />,
  <NumberInput key="year" source="year" alwaysOn />,
  <WithinCodeInput key="withinCode" source="withinCode" />,
  <DateInput key="asOf" source="asOf" helperText="app.asOfHint" />,
];

function Actions() {
  const { filterValues } = useListContext();
  const grid = new URLSearchParams({ ...(filterValues.campaignId ? { campaign: String(filterValues.campaignId) } : {}), ...(filterValues.metric ? { metric: filterValues.metric } : {}) });
  return (
    <TopToolbar>
      <Button component={Link} to={`/targets/grid?${grid}`} label="resources.targets.gridButton"><GridOnIcon /></Button>
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

/** Targets of every campaign, filtered, sorted and paged by the API; the grid edits one campaign's targets unit × year. */
export function TargetList() {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="campaign" render={(t) => t.campaign.name} />
        <DataTable.Col source="unit" render={(t) => `${t.unit?.name ?? ''} (${t.unitCode})`} />
        <DataTable.Col source="metric" render={(t) => t.metric.nameVi} />
        <DataTable.Col source="year" render={(t) => (t.year ?? translate('resources.targets.grid.periodEnd')) + (t.yearFrom ? ` (${t.yearFrom}–)` : '')} />
        <DataTable.Col source="value" render={(t) => targetText(t as Target, format, translate)} />
        <DataTable.Col source="quote" disableSort />
      </DataTable>
    </List>
  );
}
