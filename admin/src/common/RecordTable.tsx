import {
  Box,
  Collapse,
  List as MuiList,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { Fragment, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import {
  DataTable,
  DataTableBody,
  DataTableRow,
  List,
  RecordContextProvider,
  useCreatePath,
  useDataTableCallbacksContext,
  useListContext,
  useRecordContext,
  useTranslate,
  type DataTableProps,
  type ListProps,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ListEmpty } from './ListEmpty';

/** What a row shows at phone width: a title, a line below it and the key figure on the right. */
export interface PhoneRow<R extends RaRecord = RaRecord> {
  primary: (record: R) => ReactNode;
  secondary?: (record: R) => ReactNode;
  tertiary?: (record: R) => ReactNode;
}

/** A resource list whose empty state tells the signed-in user what to do next (see `ListEmpty`). */
export function ResourceList(props: ListProps) {
  return <List empty={<ListEmpty />} {...props} />;
}

export const usePhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

/**
 * A row that keyboard users reach with Tab and open with Enter, as a click would: the record's page, or its details
 * unfolded in place (`rowClick="expand"`). Rows that open nothing stay out of the tab order.
 */
function KeyboardRow(props: Record<string, unknown>) {
  const { rowClick } = useDataTableCallbacksContext();
  if (!rowClick) return <DataTableRow {...props} />;
  const open = (event: KeyboardEvent<HTMLTableRowElement>) => {
    // Only the row itself: Enter in a field or on a button inside the row (or a dialog opened from it) is theirs.
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.preventDefault();
    event.currentTarget.click();
  };
  return <DataTableRow {...props} tabIndex={0} onKeyDown={open} data-openable="true" />;
}

/** A table body whose rows open with Enter (see `KeyboardRow`), for tables outside `RecordTable`. */
export const KeyboardBody = (props: Record<string, unknown>) => <DataTableBody {...props} row={KeyboardRow} />;

/** Stops a click on a row's own button (or in a dialog it opens) from also opening the row. */
export const RowAction = ({ children }: { children: ReactNode }) => (
  <Box component="span" onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
    {children}
  </Box>
);

/** What opening a row does: the record's page, its details unfolded in place, or nothing. */
export type RowOpen = 'show' | 'edit' | 'expand' | false;

interface PhoneListProps<R extends RaRecord> {
  row: PhoneRow<R>;
  rowClick: RowOpen | ((record: R) => RowOpen);
  expand?: ReactElement;
}

/** The list at phone width: one line per record (title, line below, key figure), opening like a table row. */
function PhoneList<R extends RaRecord>({ row, rowClick, expand }: PhoneListProps<R>) {
  const { data, isPending, resource } = useListContext<R>();
  const createPath = useCreatePath();
  const [open, setOpen] = useState<RaRecord['id'] | null>(null);
  if (isPending && !data) return null;
  if (!data?.length) return <ListEmpty />;
  return (
    <MuiList disablePadding data-testid="phone-list">
      {data.map((record) => {
        const text = (
          <ListItemText
            primary={
              <Box sx={{ display: 'flex', gap: 1, justifyContent: 'space-between', alignItems: 'baseline' }}>
                <Box component="span" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {row.primary(record)}
                </Box>
                {row.tertiary && (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
                    {row.tertiary(record)}
                  </Typography>
                )}
              </Box>
            }
            secondary={row.secondary?.(record)}
            slotProps={{ secondary: { component: 'div', sx: { overflowWrap: 'anywhere' } } }}
          />
        );
        const opens = typeof rowClick === 'function' ? rowClick(record) : rowClick;
        const expandable = opens === 'expand' && expand;
        return (
          <RecordContextProvider key={record.id} value={record}>
            <ListItem disablePadding divider sx={{ display: 'block' }} data-record={record.id}>
              {opens === 'show' || opens === 'edit' ? (
                <ListItemButton component={Link} to={createPath({ resource, id: record.id, type: opens })}>
                  {text}
                </ListItemButton>
              ) : expandable ? (
                <ListItemButton onClick={() => setOpen(open === record.id ? null : record.id)} aria-expanded={open === record.id}>
                  {text}
                </ListItemButton>
              ) : (
                <Box sx={{ px: 2, py: 1 }}>{text}</Box>
              )}
              {expandable && (
                <Collapse in={open === record.id} unmountOnExit>
                  <Box sx={{ px: 2, pb: 2 }}>{expand}</Box>
                </Collapse>
              )}
            </ListItem>
          </RecordContextProvider>
        );
      })}
    </MuiList>
  );
}

/** `R`: the list's records, as the page declares what its resource's query selects. */
type Props<R extends RaRecord> = Omit<DataTableProps<R>, 'rowClick' | 'expand'> & {
  /** What a row shows at phone width. */
  phone: PhoneRow<R>;
  /** What a row opens: the record's page, or its details (`expand`) unfolded in place; per record with a function. */
  rowClick: RowOpen | ((record: R) => RowOpen);
  expand?: ReactElement;
};

/**
 * Every resource list's records: a table on a wide screen whose rows are reached with Tab and opened with Enter, and
 * at phone width a simple list (title, line below, key figure) that never scrolls sideways. Both open a record the
 * same way, and both say what to do next when nothing is there.
 */
export function RecordTable<R extends RaRecord = RaRecord>({ phone, rowClick, expand, children, ...rest }: Props<R>) {
  const isPhone = usePhone();
  if (isPhone) return <PhoneList row={phone} rowClick={rowClick} expand={expand} />;
  return (
    <DataTable<R>
      bulkActionButtons={false}
      {...rest}
      rowClick={typeof rowClick === 'function' ? (_id, _resource, record) => rowClick(record) : rowClick}
      expand={expand}
      isRowExpandable={typeof rowClick === 'function' ? (record) => rowClick(record) === 'expand' : undefined}
      body={KeyboardBody}
      empty={<ListEmpty />}
    >
      {children}
    </DataTable>
  );
}

/** A record's fields: a label (an i18n key) and a value each; empty values are left out. */
export type DetailRows = [label: string, value: ReactNode][];

/**
 * A record's fields, labelled one under another: what a row unfolds into when it has no page of its own. The list
 * says which fields (`rows` of the row's record), so they are written beside its columns with the same helpers.
 */
export function Details<R extends RaRecord = RaRecord>({ rows, actions }: { rows: (record: R) => DetailRows; actions?: ReactNode }) {
  const record = useRecordContext<R>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box data-testid="row-details">
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(160px, max-content) 1fr' }, columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        {rows(record)
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([label, value]) => (
            <Fragment key={label}>
              <Typography component="dt" variant="caption" color="text.secondary" sx={{ pt: { sm: 0.25 } }}>
                {translate(label)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                {value}
              </Typography>
            </Fragment>
          ))}
      </Box>
      {actions && (
        <Box sx={{ mt: 1 }}>
          <RowAction>{actions}</RowAction>
        </Box>
      )}
    </Box>
  );
}
