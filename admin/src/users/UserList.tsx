import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Chip, Stack } from '@mui/material';
import {
  BooleanInput,
  Button,
  CreateButton,
  DataTable,
  SearchInput,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useCan } from '../capabilities';
import { DateColumn } from '../common/columns';
import { useFormat } from '../common/format';
import { Details, RecordTable, ResourceList, RowAction } from '../common/RecordTable';
import { useHub } from '../common/useHub';
import { EnumInput } from '../common/EnumInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="role" source="role" enumName="Role" alwaysOn />,
  <BooleanInput key="active" source="active" />,
];

/** The account's grants as chips: role and scope unit. */
function Grants() {
  const user = useRecordContext();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {user.grants.map((g: { id: string; role: string; unit: { code: string; name: string } }) => (
        <Chip key={g.id} size="small" label={`${translate(`enums.Role.${g.role}`)} · ${g.unit.name}`} />
      ))}
    </Stack>
  );
}

/** Locks or unlocks an account (optimistic version: a stale page gets a clear conflict message). */
function ActiveToggle() {
  const hub = useHub();
  const user = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!user) return null;
  const toggle = async () => {
    try {
      await hub.setUserActive(String(user.id), !user.active, user.version);
      notify(user.active ? 'resources.users.deactivated' : 'resources.users.activated', {
        type: 'success',
        messageArgs: { username: user.username },
      });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    refresh();
  };
  return (
    <Button label={user.active ? 'resources.users.deactivate' : 'resources.users.activate'} onClick={toggle}>
      {user.active ? <LockIcon /> : <LockOpenIcon />}
    </Button>
  );
}

/** User accounts: all for system administrators, those with a grant in their subtree for unit administrators. */
export function UserList() {
  const mayLock = useCan('LOCK_ACCOUNTS');
  const translate = useTranslate();
  const format = useFormat();
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <RecordTable
        rowClick="expand"
        expand={
          <Details
            actions={mayLock ? <ActiveToggle /> : undefined}
            rows={(user) => [
              ['resources.users.fields.username', user.username],
              ['resources.users.fields.displayName', user.displayName],
              ['resources.users.fields.active', translate(user.active ? 'ra.boolean.true' : 'ra.boolean.false')],
              ['resources.users.fields.grants', <Grants />],
              ['resources.users.fields.createdAt', format.dateTime(user.createdAt)],
            ]}
          />
        }
        phone={{
          primary: (u) => u.displayName,
          secondary: (u) =>
            [
              u.username,
              ...u.grants.map((g: { role: string; unit: { name: string } }) => `${translate(`enums.Role.${g.role}`)} · ${g.unit.name}`),
            ].join(' · '),
          tertiary: (u) => (u.active ? '✓' : '✗'),
        }}
      >
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="active" disableSort render={(r) => (r.active ? '✓' : '✗')} />
        <DataTable.Col source="grants" disableSort>
          <Grants />
        </DataTable.Col>
        <DateColumn source="createdAt" withTime />
        {mayLock && (
          <DataTable.Col disableSort>
            <RowAction>
              <ActiveToggle />
            </RowAction>
          </DataTable.Col>
        )}
      </RecordTable>
    </ResourceList>
  );
}
