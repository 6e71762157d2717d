import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  ReferenceInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { AsOfHelp } from '../common/AsOfHelp';
import { PartyInputs, ValueInputs } from './ContributionInputs';
import { EnumInput } from '../common/EnumInput';

/** Records a contribution: contributor (found or created by kind, name and unit), date, kind, value or quantity × local price, who mobilised it. */
export function ContributionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ kind: 'MONEY', valuation: 'VALUE', contributor: { kind: 'HOUSEHOLD' } }}>
        <ReferenceInput source="campaignId" reference="campaigns">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
        <DateInput source="date" validate={required()} helperText="app.unitsOnDate" InputProps={{ endAdornment: <AsOfHelp /> }} />
        <PartyInputs party="contributor" />
        <EnumInput source="kind" enumName="ContributionKind" validate={required()} />
        <ValueInputs />
        <BooleanInput source="mobilised" label="resources.contributions.mobilised" />
        <FormDataConsumer>{({ formData }) => formData.mobilised && <PartyInputs party="mobilisedBy" />}</FormDataConsumer>
        <TextInput source="description" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
