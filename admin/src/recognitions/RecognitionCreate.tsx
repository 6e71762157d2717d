import { Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { enumChoices } from '../common/enums';
import { UnitCodeInput } from '../common/UnitCodeInput';

/** Records a recognition decision; the issuing unit must lie above the recognised unit. */
export function RecognitionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <UnitCodeInput source="unitCode" validate={required()} fullWidth />
        <SelectInput source="tier" choices={enumChoices('RecognitionTier')} validate={required()} />
        <TextInput source="decisionNumber" validate={required()} />
        <DateInput source="decidedOn" validate={required()} />
        <UnitCodeInput source="issuingUnitCode" validate={required()} fullWidth />
        <ReferenceInput source="criteriaSetId" reference="criteriaSets"><SelectInput optionText="code" /></ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
