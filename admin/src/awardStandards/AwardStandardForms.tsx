import {
  AutocompleteInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch, type FieldValues } from 'react-hook-form';
import { useAwardFormCatalogue, useCampaignAwardForms } from './CampaignAwardForms';
import { RuleBuilderInput } from './RuleBuilder';
import { toInput, type RuleNode } from './rule';
import { EnumInput } from '../common/EnumInput';

/** The builder's tree becomes the API's typed RuleInput (null: no evaluable rule). */
const transform = (data: FieldValues) => ({ ...data, ruleInput: data.ruleTree ? toInput(data.ruleTree as RuleNode) : null });

/**
 * The form: one the standard's campaign may confer (the API refuses others); the whole catalogue, with a hint, when the
 * campaign lists none. The campaign is the one picked (create) or the standard's own (edit).
 */
function FormCodeInput() {
  const translate = useTranslate();
  const record = useRecordContext();
  const campaignId = useWatch({ name: 'campaignId' }) ?? record?.campaign?.id;
  const { data: catalogue = [] } = useAwardFormCatalogue();
  const { data: listed } = useCampaignAwardForms(campaignId);
  const fallback = listed?.length === 0;
  const choices = listed?.length
    ? listed.map((f) => ({ id: f.formCode, name: f.form.nameVi }))
    : catalogue.map((f) => ({ id: f.code, name: f.nameVi }));
  const hint = !campaignId
    ? 'awards.campaignForms.pickCampaign'
    : fallback
      ? 'awards.campaignForms.fallback'
      : 'awards.campaignForms.onlyCampaign';
  return <SelectInput source="formCode" choices={choices} helperText={translate(hint)} isPending={!!campaignId && !listed} />;
}

function Fields() {
  return (
    <>
      <EnumInput source="occasion" enumName="AwardOccasion" validate={required()} />
      <NumberInput source="year" />
      <EnumInput source="subjectType" enumName="AwardSubjectType" validate={required()} />
      <TextInput source="subjectLabel" fullWidth />
      <EnumInput source="basis" enumName="AwardStandardBasis" />
      <FormCodeInput />
      <NumberInput source="quota" />
      <TextInput source="criteriaText" validate={required()} multiline fullWidth minRows={3} />
      <RuleBuilderInput />
      <TextInput source="note" multiline fullWidth />
      <TextInput source="source" fullWidth />
      <DateInput source="deadline" />
    </>
  );
}

export function AwardStandardCreate() {
  return (
    <Create transform={transform} redirect="show">
      <SimpleForm defaultValues={{ occasion: 'ANNUAL', subjectType: 'COMMUNE', basis: 'PLAN_STANDARD' }}>
        <ReferenceInput source="campaignId" reference="campaigns">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
        <Fields />
      </SimpleForm>
    </Create>
  );
}

export function AwardStandardEdit() {
  return (
    <Edit transform={transform} mutationMode="pessimistic" redirect="show">
      {/* The API cannot delete a standard: save only. */}
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <Fields />
      </SimpleForm>
    </Edit>
  );
}
