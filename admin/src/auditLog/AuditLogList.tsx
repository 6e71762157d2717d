import { Box, TableCell, TableRow, Typography } from '@mui/material';
import { DataTable, DateInput, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateColumn } from '../common/columns';
import { FilterUnitInput } from '../common/FilterUnitInput';
import { useFormat } from '../common/format';
import { RecordTable, ResourceList } from '../common/RecordTable';
import { SimpleTable } from '../common/SimpleTable';

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE'];
const SUBGRAPHS = ['units', 'accounts', 'campaigns', 'criteria', 'insights', 'awards'];

const filters = [
  <TextInput key="username" source="username" alwaysOn />,
  <TextInput key="entity" source="entity" alwaysOn />,
  <SelectInput key="action" source="action" choices={ACTIONS.map((id) => ({ id, name: `audit.actions.${id}` }))} alwaysOn />,
  <SelectInput key="subgraph" source="subgraph" choices={SUBGRAPHS.map((id) => ({ id, name: `audit.subgraphs.${id}` }))} />,
  <TextInput key="entityId" source="entityId" />,
  <FilterUnitInput key="withinCode" source="withinCode" />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

/** A stored value as text: dates and numbers as the reader expects them, lists and objects compactly. */
function useShow() {
  const translate = useTranslate();
  const format = useFormat();
  return (value: unknown): string => {
    if (value == null || value === '') return translate('audit.empty');
    if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    if (typeof value === 'number') return format.number(value);
    if (typeof value === 'string')
      return /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) ? (value.length > 10 ? format.dateTime(value) : format.date(value)) : value;
    return JSON.stringify(value);
  };
}

/** What changed: one row per field (name translated), before and after, the changed ones in bold. */
function Change() {
  const entry = useRecordContext();
  const translate = useTranslate();
  const show = useShow();
  if (!entry) return null;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = (key: string) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null);
  // Changed fields first: they are what the reader opened the row for.
  fields.sort((a, b) => Number(changed(b)) - Number(changed(a)));
  return (
    <Box sx={{ overflowX: 'auto' }} data-testid="audit-diff">
      <Typography variant="caption" color="text.secondary">
        {translate('audit.changed')}
      </Typography>
      <SimpleTable prefix="audit" labels={['field', 'before', 'after']}>
        {fields.map((key) => (
          <TableRow
            key={key}
            data-changed={changed(key)}
            sx={changed(key) ? { backgroundColor: 'warning.light', '& td': { fontWeight: 600 } } : undefined}
          >
            <TableCell>{translate(`audit.fields.${key}`, { _: key })}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word', maxWidth: 360 }}>{entry.action === 'CREATE' ? '—' : show(before[key])}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word', maxWidth: 360 }}>{entry.action === 'DELETE' ? '—' : show(after[key])}</TableCell>
          </TableRow>
        ))}
      </SimpleTable>
    </Box>
  );
}

/** The audit log within the caller's scope, newest first; sorted and filtered on the server. */
export function AuditLogList() {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <ResourceList filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <RecordTable
        expand={<Change />}
        rowClick="expand"
        phone={{
          primary: (r) =>
            `${translate(`audit.actions.${r.action}`, { _: r.action })} · ${translate(`audit.entities.${r.entity}`, { _: r.entity })}`,
          secondary: (r) => `${r.username} · ${translate(`audit.subgraphs.${r.subgraph}`, { _: r.subgraph })}`,
          tertiary: (r) => format.dateTime(r.at),
        }}
      >
        <DateColumn source="at" withTime />
        <DataTable.Col source="username" />
        <DataTable.Col source="subgraph" render={(r) => translate(`audit.subgraphs.${r.subgraph}`, { _: r.subgraph })} />
        <DataTable.Col source="entity" render={(r) => translate(`audit.entities.${r.entity}`, { _: r.entity })} />
        <DataTable.Col source="entityId" disableSort />
        <DataTable.Col source="action" render={(r) => translate(`audit.actions.${r.action}`, { _: r.action })} />
      </RecordTable>
    </ResourceList>
  );
}
