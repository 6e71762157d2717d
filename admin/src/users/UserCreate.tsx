import { ArrayInput, Create, PasswordInput, SimpleForm, SimpleFormIterator, TextInput, minLength, regex, required } from 'react-admin';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { EnumInput } from '../common/EnumInput';

const validateUsername = [required(), regex(/^[a-z0-9._-]{3,80}$/i, 'resources.users.validation.username')];
const validatePassword = [required(), minLength(10)];

/** A new account with its role grants; a grant covers the scope unit's subtree. */
export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ grants: [{ role: 'VIEWER' }] }}>
        <TextInput source="username" validate={validateUsername} helperText="resources.users.help.username" />
        <TextInput source="displayName" validate={required()} />
        <PasswordInput source="password" validate={validatePassword} autoComplete="new-password" />
        <ArrayInput source="grants" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            <EnumInput source="role" enumName="Role" validate={required()} label="resources.users.fields.role" />
            <UnitCodeInput
              source="unitCode"
              asOfSource="asOf"
              validate={required()}
              capability="MANAGE_ACCOUNTS"
              label="resources.users.fields.unitCode"
              sx={{ minWidth: { xs: '100%', sm: 320 } }}
            />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
