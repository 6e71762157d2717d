import { Box, Typography } from '@mui/material';
import { DataTable, DateInput, List, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateText } from '../common/fields';

const filters = [
  <TextInput key="username" source="username" alwaysOn />,
  <TextInput key="entity" source="entity" alwaysOn />,
  <SelectInput key="action" source="action" choices={['CREATE', 'UPDATE', 'DELETE'].map((id) => ({ id, name: id }))} alwaysOn />,
  <SelectInput key="subgraph" source="subgraph" choices={['units', 'accounts', 'campaigns', 'criteria', 'insights', 'awards'].map((id) => ({ id, name: id }))} />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="withinCode" source="withinCode" />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

/** What changed, before and after, for an expanded row. */
function Change() {
  const entry = useRecordContext();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Box sx={{ display: 'flex', gap: 2 }}>
      {(['before', 'after'] as const).map((key) => (
        <Box key={key} sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2">{translate(`resources.auditLog.fields.${key}`)}</Typography>
          <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{entry[key] ? JSON.stringify(entry[key], null, 2) : '—'}</pre>
        </Box>
      ))}
    </Box>
  );
}

/** The audit log within the caller's scope, newest first; sorted and filtered on the server. */
export function AuditLogList() {
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} expand={<Change />} rowClick="expand">
        <DataTable.Col source="at"><DateText source="at" withTime /></DataTable.Col>
        <DataTable.Col source="username" />
        <DataTable.Col source="subgraph" />
        <DataTable.Col source="entity" />
        <DataTable.Col source="entityId" disableSort />
        <DataTable.Col source="action" />
      </DataTable>
    </List>
  );
}
