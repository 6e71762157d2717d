import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput, type Named } from './errors.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './page-size.js';

export { DEFAULT_LIMIT, MAX_LIMIT };

/** Chiều sắp xếp — sort direction, shared by every list. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Chiều sắp xếp — sort direction.' });

/**
 * How a list is sorted, as its `orderBy` and `direction` arguments ask: one of its order fields (the list's default
 * when left out) and a direction (ascending unless the list says otherwise).
 */
export interface ListSort<OrderField extends string> {
  orderBy?: OrderField | null;
  direction?: SortDirection | null;
}

/**
 * A list's sort arguments, `orderBy` and `direction` (a `ListSort` for its service): `orderBy` one of the list's order
 * fields, `fallback` when left out, and `why` says what that order means where its name does not; `direction` ASC
 * unless the list says otherwise. The service reads the same default from its order map.
 */
export function SortArgs<OrderField extends string>(
  orderFields: Record<string, OrderField>,
  fallback: OrderField,
  { direction = SortDirection.ASC, why }: { direction?: SortDirection; why?: Named } = {},
): ClassType<ListSort<OrderField>> {
  @ArgsType()
  class Sort implements ListSort<OrderField> {
    // Direction first: it is the order of the arguments in the committed SDL.
    @Field(() => SortDirection, {
      nullable: true,
      description: `Chiều sắp xếp (mặc định ${direction}) — sort direction (default ${direction}).`,
    })
    direction?: SortDirection | null;

    @Field(() => orderFields, {
      nullable: true,
      description: `Sắp xếp theo (mặc định ${fallback}${why ? `: ${why.vi}` : ''}) — sort field (default ${fallback}${why ? `: ${why.en}` : ''}).`,
    })
    orderBy?: OrderField | null;
  }
  return Sort;
}

/** The paging arguments every list takes: `offset` and `limit` (at most MAX_LIMIT). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Bỏ qua bao nhiêu bản ghi — how many records to skip (default 0).' })
  offset?: number;

  @Field(() => Int, {
    nullable: true,
    description: `Số bản ghi tối đa — how many records to return (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`,
  })
  limit?: number;
}

export interface Page {
  offset: number;
  limit: number;
}

/** Validates paging arguments into a page, with clear errors for out-of-range values. */
export function toPage(args: PageArgs): Page {
  const offset = args.offset ?? 0;
  const limit = args.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(offset) || offset < 0) {
    throw badInput('offset phải là số nguyên không âm', 'offset must be a non-negative integer', 'offset');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badInput(`limit phải từ 1 đến ${MAX_LIMIT}`, `limit must be between 1 and ${MAX_LIMIT}`, 'limit');
  }
  return { offset, limit };
}

export interface ListResult<T> {
  nodes: T[];
  totalCount: number;
}

/** Builds the `{ nodes, totalCount }` list type for an item type, e.g. AdministrativeUnitList. */
export function ListType<T extends object>(itemType: ClassType<T>, name: string, description: string) {
  @ObjectType(name, { description })
  class List implements ListResult<T> {
    @Field(() => [itemType], { description: 'Các bản ghi của trang này — the records of this page.' })
    nodes!: T[];

    @Field(() => Int, { description: 'Tổng số bản ghi khớp bộ lọc — how many records match the filter in all.' })
    totalCount!: number;
  }
  return List;
}
