import { Typography } from '@mui/material';
import {
  Create,
  DateInput,
  Edit,
  ReferenceInput,
  AutocompleteInput,
  SimpleForm,
  TextInput,
  required,
  regex,
  useTranslate,
} from 'react-admin';
import { UnitCodeInput } from '../common/UnitCodeInput';

const codeFormat = regex(/^[A-Z0-9][A-Z0-9-]*$/, 'ra.validation.regex');

/** Deriving a local set from a parent set (`deriveCriteriaSet`). */
export function CriteriaSetCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" title="resources.criteriaSets.derive.title">
      <SimpleForm>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('resources.criteriaSets.derive.help')}
        </Typography>
        <ReferenceInput source="parentId" reference="criteriaSets" perPage={100}>
          <AutocompleteInput validate={required()} fullWidth filterToQuery={(text: string) => ({ q: text || undefined })} />
        </ReferenceInput>
        <UnitCodeInput source="ownerCode" asOfSource="ownerAsOf" validate={required()} fullWidth capability="EDIT_CRITERIA_SETS" />
        <TextInput source="code" validate={[required(), codeFormat]} helperText="COMMUNE-NTM-2021-2025-56" />
        <TextInput source="nameVi" validate={required()} fullWidth />
        <TextInput source="nameEn" fullWidth />
        <DateInput source="periodStart" />
        <DateInput source="periodEnd" />
        <TextInput source="source" fullWidth />
      </SimpleForm>
    </Create>
  );
}

export function CriteriaSetEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="nameEn" fullWidth />
        <TextInput source="source" fullWidth />
        <TextInput source="note" fullWidth multiline />
      </SimpleForm>
    </Edit>
  );
}
