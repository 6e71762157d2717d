import { AutocompleteInput, Create, DateInput, Edit, NumberInput, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, required } from 'react-admin';
import { enumChoices } from '../common/enums';
import { RuleBuilderInput } from './RuleBuilder';
import { toInput, type RuleNode } from './rule';

/** The builder's tree becomes the API's typed RuleInput (null: no evaluable rule). */
const transform = (data: Record<string, any>) => ({ ...data, ruleInput: data.ruleTree ? toInput(data.ruleTree as RuleNode) : null });

function Fields() {
  return (
    <>
      <SelectInput source="occasion" choices={enumChoices('AwardOccasion')} validate={required()} />
      <NumberInput source="year" />
      <SelectInput source="subjectType" choices={enumChoices('AwardSubjectType')} validate={required()} />
      <TextInput source="subjectLabel" fullWidth />
      <SelectInput source="basis" choices={enumChoices('AwardStandardBasis')} />
      <ReferenceInput source="formCode" reference="awardForms"><SelectInput optionText="nameVi" /></ReferenceInput>
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
      <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}><Fields /></SimpleForm>
    </Edit>
  );
}
