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

/** What a caller asked of a list's sort: its `orderBy` and `direction` arguments, either left out or null. */
export interface SortRequest<OrderField extends string> {
  orderBy?: OrderField | null;
  direction?: SortDirection | null;
}

/**
 * How a list is sorted, complete: one of its order fields and a direction. Services take this, so the defaults filling
 * what a caller left out are stated once, by the list's `SortArgs`.
 */
export interface ListSort<OrderField extends string> {
  orderBy: OrderField;
  direction: SortDirection;
}

/** A list's sort arguments class, which also completes a request with the list's declared defaults. */
export interface SortArgsType<OrderField extends string> extends ClassType<SortRequest<OrderField>> {
  /** The sort asked, each argument left out (or null) taken from the list's defaults; nothing asked gives the default. */
  resolve(asked?: SortRequest<OrderField>): ListSort<OrderField>;
}

/**
 * A list's sort arguments, `orderBy` and `direction`: `orderBy` one of the list's order fields, `fallback` when left
 * out, and `why` says what that order means where its name does not; `direction` ASC unless the list says otherwise.
 * The one home of the list's default: its descriptions in the schema and `resolve`, which gives its service the
 * complete sort.
 */
export function SortArgs<OrderField extends string>(
  orderFields: Record<string, OrderField>,
  fallback: OrderField,
  { direction = SortDirection.ASC, why }: { direction?: SortDirection; why?: Named } = {},
): SortArgsType<OrderField> {
  @ArgsType()
  class Sort implements SortRequest<OrderField> {
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

    static resolve(asked: SortRequest<OrderField> = {}): ListSort<OrderField> {
      return { orderBy: asked.orderBy ?? fallback, direction: asked.direction ?? direction };
    }
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
