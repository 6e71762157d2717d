import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { EnumColumn } from '../common/columns';
import { KeyboardBody } from '../common/RecordTable';

/** The last day a unit is valid (its codes are read on that day), or undefined for a current unit. */
export const unitAsOf = (unit: { validTo?: string | null } | undefined) => unit?.validTo ?? undefined;

interface Props {
  /** Its children (`parentCode`) or everything below it (`withinCode`). */
  target: 'parentCode' | 'withinCode';
  /** More of the units' filter (the level). */
  filter?: Record<string, unknown>;
  /** What an empty table says (an i18n key). */
  empty: string;
  /** The columns after code, name and kind. */
  children: ReactNode;
}

/**
 * Units below the unit of the page, 25 a page in name order, each row opening its unit: read on the unit's last day,
 * since codes of former units were reused after 1 July 2025.
 */
export function UnitsBelow({ target, filter, empty, children }: Props) {
  const unit = useRecordContext<{ validTo?: string | null }>();
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="units"
      target={target}
      source="code"
      filter={{ asOf: unitAsOf(unit), ...filter }}
      perPage={25}
      sort={{ field: 'name', order: 'ASC' }}
      pagination={<Pagination />}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        body={KeyboardBody}
        empty={<Typography sx={{ p: 2 }}>{translate(empty)}</Typography>}
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <EnumColumn source="kind" enumName="UnitKind" disableSort />
        {children}
      </DataTable>
    </ReferenceManyField>
  );
}
