import { Create, DateInput, Edit, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { EnumInput } from '../common/EnumInput';

/** Period end must not come before its start. */
const periodOrder = (values: Record<string, string>) => {
  const errors: Record<string, string> = {};
  if (values.periodStart && values.periodEnd && values.periodEnd < values.periodStart) errors.periodEnd = 'ra.validation.minValue';
  return errors;
};

function PlanInputs() {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('resources.campaigns.tabs.plan')}
      </Typography>
      <TextInput source="plan.number" label="resources.campaigns.fields.plan.number" />
      <DateInput source="plan.date" label="resources.campaigns.fields.plan.date" />
      <TextInput source="plan.title" label="resources.campaigns.fields.plan.title" fullWidth />
      <TextInput source="plan.signer" label="resources.campaigns.fields.plan.signer" />
      <TextInput source="plan.signerTitle" label="resources.campaigns.fields.plan.signerTitle" />
      <TextInput source="plan.issuingBody" label="resources.campaigns.fields.plan.issuingBody" fullWidth />
    </>
  );
}

function CommonInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth multiline />
      <TextInput source="nameEn" fullWidth />
      <TextInput source="slogan" fullWidth />
      <DateInput source="periodStart" validate={required()} />
      <DateInput source="periodEnd" validate={required()} />
      <EnumInput source="status" enumName="CampaignStatus" />
      <TextInput source="note" fullWidth multiline />
    </>
  );
}

export function CampaignEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm validate={periodOrder}>
        <CommonInputs />
        <PlanInputs />
      </SimpleForm>
    </Edit>
  );
}

export function CampaignCreate() {
  return (
    <Create redirect="show">
      <SimpleForm validate={periodOrder} defaultValues={{ status: 'DRAFT' }}>
        <UnitCodeInput source="issuerCode" asOfSource="asOf" validate={required()} fullWidth capability="PLAN_CAMPAIGNS" />
        <CommonInputs />
        <PlanInputs />
      </SimpleForm>
    </Create>
  );
}
