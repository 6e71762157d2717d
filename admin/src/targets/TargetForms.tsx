import { Typography } from '@mui/material';
import {
  BooleanInput,
  Create,
  Edit,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxValue,
  minValue,
  number,
  required,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SourceText } from '../common/SourceText';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { CampaignInput } from './CampaignInput';
import { MetricInput } from './MetricInput';
import { EnumInput } from '../common/EnumInput';

/** Choices whose labels live under `resources.targets.<group>` (targets' own enums). */
const choices = (group: string, ids: string[]) => ids.map((id) => ({ id, name: `resources.targets.${group}.${id}` }));
const denominatorChoices = choices('denominatorBasis', [
  'ALL_COMMUNES',
  'NTM_COMMUNES',
  'ADVANCED_COMMUNES',
  'ALL_VILLAGES',
  'VILLAGES_OF_EDK_COMMUNES',
  'ALL_DISTRICTS',
  'HOUSEHOLDS',
  'POPULATION',
  'SCHOOLS',
  'OTHER',
]);
const UNIT_CLASSES = ['HIGH_MOUNTAIN', 'LOW_MOUNTAIN', 'MOUNTAIN', 'LOWLAND', 'ESPECIALLY_DISADVANTAGED', 'BORDER', 'COASTAL', 'ISLAND'];
const unitClassChoices = choices('unitClass', UNIT_CLASSES);
const validYear = [number(), minValue(2000), maxValue(2100)];
const validCount = [number(), minValue(0)];

/** The unit must lie under the campaign's issuer; its code is read at the start of the campaign's period. */
function UnitInput() {
  const campaignId = useWatch({ name: 'campaignId' });
  const { data: campaign } = useGetOne('campaigns', { id: campaignId }, { enabled: Boolean(campaignId) });
  return (
    <UnitCodeInput
      source="unitCode"
      asOfSource="unitAsOf"
      label="resources.targets.fields.unit"
      asOf={campaign?.periodStart}
      disabled={!campaign}
      unitFilter={campaign ? { withinCode: campaign.issuer.code } : undefined}
      validate={required()}
      fullWidth
      capability="PLAN_CAMPAIGNS"
    />
  );
}

/** A year of the campaign's period: one outside it is named on the field at once, before anything is sent. */
function PeriodYearInput({ source, helperText }: { source: 'year' | 'yearFrom'; helperText: string }) {
  const campaignId = useWatch({ name: 'campaignId' });
  const { data: campaign } = useGetOne('campaigns', { id: campaignId }, { enabled: Boolean(campaignId) });
  const first = campaign ? Number(String(campaign.periodStart).slice(0, 4)) : null;
  const last = campaign ? Number(String(campaign.periodEnd).slice(0, 4)) : null;
  const inPeriod = (value: unknown) =>
    value == null || value === '' || first == null || last == null || (Number(value) >= first && Number(value) <= last)
      ? undefined
      : { message: 'resources.targets.help.outsidePeriod', args: { from: first, to: last } };
  return <NumberInput source={source} validate={[...validYear, inPeriod]} helperText={helperText} />;
}

function CampaignName() {
  const target = useRecordContext();
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mb: 1 }}>
      {translate('resources.targets.fields.campaign')}: {target?.campaign.name}
    </Typography>
  );
}

/** The source as a reader names it (the plan's title, the clause in words), under the stored notation. */
function SourceHelp() {
  const source = useWatch({ name: 'source' });
  return <SourceText source={source} />;
}

function TargetFields() {
  return (
    <>
      <UnitInput />
      <MetricInput source="metricCode" validate={required()} fullWidth />
      <PeriodYearInput source="yearFrom" helperText="resources.targets.help.yearFrom" />
      <PeriodYearInput source="year" helperText="resources.targets.help.year" />
      <EnumInput source="comparator" enumName="Comparator" validate={required()} />
      <EnumInput source="valueUnit" enumName="TargetValueUnit" validate={required()} />
      <NumberInput source="value" validate={number()} />
      <NumberInput source="valueMin" validate={number()} />
      <NumberInput source="valueMax" validate={number()} />
      <NumberInput source="numerator" validate={validCount} />
      <NumberInput source="denominator" validate={validCount} />
      <SelectInput source="denominatorBasis" choices={denominatorChoices} emptyText="—" />
      <TextInput source="basisNote" fullWidth />
      <SelectInput source="unitClass" choices={unitClassChoices} emptyText="—" />
      <BooleanInput source="isIncrement" />
      <EnumInput source="status" enumName="UnitStatus" emptyText="—" />
      <TextInput source="quote" fullWidth multiline />
      <TextInput source="note" fullWidth multiline />
      <TextInput source="source" fullWidth helperText={<SourceHelp />} />
    </>
  );
}

/** Edits a target; the API checks it against the campaign's rules and its messages show on the fields they name. */
export function TargetEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <CampaignName />
        <TargetFields />
      </SimpleForm>
    </Edit>
  );
}

export function TargetCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ comparator: 'GTE', valueUnit: 'COUNT', isIncrement: false }}>
        <CampaignInput source="campaignId" validate={required()} fullWidth />
        <TargetFields />
      </SimpleForm>
    </Create>
  );
}
