import { TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A table's header row: one cell per translation key, in the reader's language. */
export function TableHeader({ labels }: { labels: string[] }) {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        {labels.map((label) => (
          <TableCell key={label}>{translate(label)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
