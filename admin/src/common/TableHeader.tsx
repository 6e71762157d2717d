import { TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

interface Props {
  /** One translation key per column (under `prefix.` when given); '' for a column without a title (its buttons). */
  labels: string[];
  prefix?: string;
  /** The first column of figures: it and those after it are aligned right. */
  rightFrom?: number;
}

/** A table's header row: one cell per translation key, in the reader's language. */
export function TableHeader({ labels, prefix, rightFrom }: Props) {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        {labels.map((label, i) => (
          <TableCell key={label || i} align={rightFrom !== undefined && i >= rightFrom ? 'right' : undefined}>
            {label && translate(prefix ? `${prefix}.${label}` : label)}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
