import { Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AsOfHelp } from '../common/AsOfHelp';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { EnumInput } from '../common/EnumInput';

/** The recognised and the issuing unit are read on the decision's date, as the API reads their codes. */
function UnitsOnDecisionDate() {
  const decidedOn: string | undefined = useWatch({ name: 'decidedOn' });
  return (
    <>
      <UnitCodeInput
        source="unitCode"
        asOf={decidedOn || null}
        validate={required()}
        fullWidth
        disabled={!decidedOn}
        capability="DECIDE_RECOGNITIONS"
      />
      <UnitCodeInput
        source="issuingUnitCode"
        asOf={decidedOn || null}
        validate={required()}
        fullWidth
        disabled={!decidedOn}
        capability="DECIDE_RECOGNITIONS"
      />
    </>
  );
}

/** Records a recognition decision; the issuing unit must lie above the recognised unit. */
export function RecognitionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <DateInput source="decidedOn" validate={required()} helperText="app.unitsOnDate" InputProps={{ endAdornment: <AsOfHelp /> }} />
        <UnitsOnDecisionDate />
        <EnumInput source="tier" enumName="RecognitionTier" validate={required()} />
        <TextInput source="decisionNumber" validate={required()} />
        <ReferenceInput source="criteriaSetId" reference="criteriaSets">
          <SelectInput optionText="code" />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
