import { Table, TableBody, TableCell, TableHead, TableRow, type TableProps } from '@mui/material';
import { useTranslate } from 'react-admin';

type Props = TableProps & {
  /** One translation key per column (under `prefix.` when given); '' for a column without a title (its buttons). */
  labels: string[];
  prefix?: string;
  /** The first column of figures: it and those after it are aligned right. */
  rightFrom?: number;
};

/**
 * A small table of rows in hand (a record's parts, a dialog's list, a page's figures; a resource's records are a
 * `RecordTable`): its header row from translation keys, in the reader's language, then the rows given as children.
 */
export function SimpleTable({ labels, prefix, rightFrom, children, ...table }: Props) {
  const translate = useTranslate();
  return (
    <Table size="small" {...table}>
      <TableHead>
        <TableRow>
          {labels.map((label, i) => (
            <TableCell key={label || i} align={rightFrom !== undefined && i >= rightFrom ? 'right' : undefined}>
              {label && translate(prefix ? `${prefix}.${label}` : label)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
