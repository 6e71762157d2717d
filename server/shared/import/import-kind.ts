import type { EntityManager } from '@mikro-orm/postgresql';
import { type Capability, importCapability } from '../capabilities.js';
import type { SubgraphContext } from '../context.js';
import { badInput, type Named } from '../errors.js';
import { today } from '../scalars.js';
import { foldText } from '../sql.js';
import type { Cell } from '../table-file.js';
import type { UnitDirectory, UnitInfo } from '../unit-directory.js';
import type { ColumnSpec } from './import-columns.js';
import type { ImportRowError, ParsedRow } from './import-row.js';

/** A validated row waiting for the commit (kept in imports.import_row between the dry run and the commit). */
export interface StagedRow<Plan = unknown> {
  row: number;
  data: Plan;
}

/** What validating some rows gives: rows to write, how many equal what is stored (nothing to do), and errors. */
export interface ValidatedBatch {
  staged: StagedRow[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: ImportRowError[];
}

export const emptyBatch = (): ValidatedBatch => ({ staged: [], toCreate: 0, toUpdate: 0, unchanged: 0, errors: [] });

/** Checks a file's rows batch by batch (its state — duplicates seen, sets loaded — lives as long as the file). */
export interface ImportValidator {
  /** Validates rows (a few hundred at a time). A row outside the importer's subtree throws FORBIDDEN: the whole file is refused. */
  validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch>;
  /** After the last batch: whatever could only be checked with every row at hand. */
  finish?(): Promise<ValidatedBatch>;
}

/** What a commit wrote for some staged rows. */
export interface CommittedBatch {
  created: number;
  updated: number;
  /** ltree paths of the units written, for the audit event's unit (their deepest common ancestor). */
  unitPaths: string[];
}

/**
 * A template: its header row first, then what it holds; `listing` says what that is (a campaign's id, a set's code, a
 * year, a unit's code) and names the file after the kind's sheet (`templateFile`).
 */
export interface TemplateTable {
  rows: Cell[][];
  listing: readonly (string | number | undefined)[];
}

/** What an import kind is called: in full (Vietnamese, English) and, where that is long, on its template's sheet. */
export interface ImportTitle extends Named {
  /** The template's worksheet, which also names its file (`mau-<sheet>`); the Vietnamese title when left out. */
  sheet?: string;
}

/**
 * One kind of record that can be imported from a spreadsheet, owned and written by one subgraph with the same rules
 * as its single-record mutations. The shared router (`import-router.ts`) does the rest: upload, jobs, progress, errors.
 */
export interface ImportKind<Plan = unknown> {
  /** URL segment and job kind: `/imports/<name>`. */
  name: string;
  /**
   * The capability the kind's single-record mutation needs, as the capability table gives it for `POST /imports/<name>`:
   * the importer must hold it over every row's unit (`ParsedRow.authorize`).
   */
  capability: Capability;
  title: Named;
  /** Name of the template's worksheet. */
  sheetName: string;
  /** The fixed columns, in template order. */
  columns: readonly ColumnSpec[];
  /** Columns whose header varies (one per criterion…): the spec a header text names, or null. */
  dynamicColumn?(header: string): ColumnSpec | null;
  /** Checks one file's rows; built for each file with the importer's context. */
  validator: new (ctx: SubgraphContext) => ImportValidator;
  /** Runs first in the commit's transaction (a lock, say). */
  beforeCommit?(em: EntityManager): Promise<void>;
  /** Writes staged rows in the commit's transaction, set-based; re-checks versions under lock (CONFLICT throws, nothing is written). */
  commit(em: EntityManager, ctx: SubgraphContext, rows: readonly StagedRow<Plan>[]): Promise<CommittedBatch>;
  /** The template; with filters (`query`) it holds the stored records, so a file exported from the hub re-imports unchanged. */
  template(ctx: SubgraphContext, query: Record<string, string | undefined>): Promise<TemplateTable>;
}

/** What a kind declares: its own parts; its template either whole, or as the export of a territory (`exportRows`). */
type ImportKindParts<Plan> = Omit<ImportKind<Plan>, 'name' | 'capability' | 'title' | 'sheetName' | 'template'> & {
  title: ImportTitle;
} & (
    | Pick<ImportKind<Plan>, 'template'>
    | {
        /**
         * The records stored in the unit a template's `withinCode` names, on the template's date, as template rows: the
         * template is then the export of that territory (`templateTerritory`), or the header row alone.
         */
        exportRows(ctx: SubgraphContext, territory: UnitInfo, date: string): Promise<Cell[][]>;
      }
  );

/**
 * Declares the import kind served at `/imports/<name>`: its capability is the capability table's for that route, and it
 * states only what is its own (title, columns, validator, commit, template); its commit receives the plans its validator
 * staged, typed.
 */
export function defineImportKind<Plan>(name: string, parts: ImportKindParts<Plan>): ImportKind {
  const { title, ...own } = parts;
  const kind = {
    ...own,
    name,
    capability: importCapability(name),
    title: { vi: title.vi, en: title.en },
    sheetName: title.sheet ?? title.vi,
  };
  if ('template' in parts) return kind as ImportKind;
  const { exportRows } = parts;
  return {
    ...kind,
    async template(ctx, query) {
      const found = await templateTerritory(ctx.units, query);
      const rows = found ? await exportRows(ctx, found.territory, found.date) : [];
      return { rows: [parts.columns.map((c) => c.header), ...rows], listing: [query.withinCode] };
    },
  } as ImportKind;
}

/** A template's file name: `mau-` and its sheet's name without accents, then what it lists (`mau-phan-loai-02287`). */
export function templateFile(kind: Pick<ImportKind, 'sheetName'>, table: TemplateTable): string {
  return ['mau', foldText(kind.sheetName).replace(/ /g, '-'), ...table.listing.filter((part) => part !== undefined && part !== '')].join(
    '-',
  );
}

/**
 * The commit of a kind that only adds (its validator stages with `stageAdditions`): `insert` adds the plans, skipping
 * any stored meanwhile (a file imported twice, even at once, adds each record once), and returns the rows it added.
 */
export function additions<Plan extends { unitPath: string }>(
  insert: (em: EntityManager, plans: Plan[]) => Promise<readonly unknown[]>,
): ImportKind<Plan>['commit'] {
  return async (em, _ctx, rows) => {
    const plans = rows.map((r) => r.data);
    const added = await insert(em, plans);
    return { created: added.length, updated: 0, unitPaths: plans.map((p) => p.unitPath) };
  };
}

/** The deepest path every one of these ltree paths lies in (null for none). */
export function commonPath(paths: readonly string[]): string | null {
  if (!paths.length) return null;
  let common = paths[0].split('.');
  for (const path of paths) {
    const labels = path.split('.');
    let i = 0;
    while (i < common.length && i < labels.length && common[i] === labels[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? common.join('.') : null;
}

/** The day a template reads codes on: `asOf`, else 30 June of `year`, else today. */
export function templateDate(query: Record<string, string | undefined>): string {
  const year = Number(query.year);
  return query.asOf ?? (Number.isInteger(year) && year > 1900 ? `${year}-06-30` : today());
}

/**
 * The unit a template's `withinCode` names on the template's date (`templateDate`), asked of the units subgraph; null
 * without `withinCode`, BAD_USER_INPUT when no unit holds the code that day.
 */
export async function templateTerritory(
  units: UnitDirectory,
  query: Record<string, string | undefined>,
): Promise<{ territory: UnitInfo; date: string } | null> {
  if (!query.withinCode) return null;
  const date = templateDate(query);
  const territory = await units.findByCode(query.withinCode.trim(), date);
  if (!territory)
    throw badInput(
      `Không có đơn vị mã "${query.withinCode}" hiệu lực ngày ${date}`,
      `No unit with code "${query.withinCode}" is valid on ${date}`,
      'withinCode',
    );
  return { territory, date };
}

/** Units by code, each read on its own day, asked of the units subgraph a day at a time; keyed "code@date". */
export async function unitsOnDates(
  units: UnitDirectory,
  wanted: readonly { code: string; date: string }[],
): Promise<Map<string, UnitInfo>> {
  const byDate = new Map<string, string[]>();
  for (const { code, date } of wanted) byDate.set(date, [...(byDate.get(date) ?? []), code]);
  const found = new Map<string, UnitInfo>();
  for (const [date, codes] of byDate)
    for (const [code, unit] of await units.findManyByCode(codes, date)) found.set(`${code}@${date}`, unit);
  return found;
}

/**
 * For kinds that only add: a checked row whose key is among the keys `storedKeys` finds for the plans is unchanged,
 * the others are staged to create.
 */
export async function stageAdditions<T>(
  batch: ValidatedBatch,
  planned: readonly { row: ParsedRow; plan: T }[],
  keyOf: (plan: T) => string,
  storedKeys: (plans: T[]) => Promise<ReadonlySet<string>>,
): Promise<ValidatedBatch> {
  const stored = await storedKeys(planned.map((p) => p.plan));
  for (const { row, plan } of planned) {
    if (stored.has(keyOf(plan))) {
      batch.unchanged++;
      continue;
    }
    batch.staged.push({ row: row.row, data: plan });
    batch.toCreate++;
  }
  return batch;
}
