import { DataTable, type DataTableColumnProps } from 'react-admin';
import { DateText, EnumText, NumberText } from './fields';

type ColumnProps = Omit<DataTableColumnProps, 'source' | 'children' | 'render'> & { source: string };

/** A table column of an enum, each value in the reader's language (`enums.<Enum>.<VALUE>`), as a chip with `chip`. */
export function EnumColumn({ enumName, chip, ...column }: ColumnProps & { enumName: string; chip?: boolean }) {
  return (
    <DataTable.Col {...column}>
      <EnumText source={column.source} enumName={enumName} chip={chip} />
    </DataTable.Col>
  );
}

/** A table column of dates (dd/mm/yyyy), with the time under `withTime`. */
export function DateColumn({ withTime, ...column }: ColumnProps & { withTime?: boolean }) {
  return (
    <DataTable.Col {...column}>
      <DateText source={column.source} withTime={withTime} />
    </DataTable.Col>
  );
}

/** A table column of numbers in the reader's grouping, in VND under `vnd`. */
export function NumberColumn({ vnd, ...column }: ColumnProps & { vnd?: boolean }) {
  return (
    <DataTable.Col {...column}>
      <NumberText source={column.source} vnd={vnd} />
    </DataTable.Col>
  );
}
