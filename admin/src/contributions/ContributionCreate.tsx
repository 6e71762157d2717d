import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { enumChoices } from '../common/enums';
import { AsOfHelp } from '../common/AsOfHelp';
import { PartyInputs, ValueInputs } from './ContributionInputs';

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
        <SelectInput source="kind" choices={enumChoices('ContributionKind')} validate={required()} />
        <ValueInputs />
        <BooleanInput source="mobilised" label="resources.contributions.mobilised" />
        <FormDataConsumer>{({ formData }) => formData.mobilised && <PartyInputs party="mobilisedBy" />}</FormDataConsumer>
        <TextInput source="description" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
