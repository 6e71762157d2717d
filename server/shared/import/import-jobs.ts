import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../identity.js';
import type { SqlRow } from '../sql.js';
import type { StagedRow } from './import-kind.js';
import type { ImportRowError } from './import-row.js';
import type { SpooledFile } from './import-file.js';

/**
 * Where an import stands. VALIDATING → VALIDATED (every row passed: ready to commit) | INVALID (row errors) | REFUSED
 * (the file is not what was expected, or touches a unit outside the importer's subtree); VALIDATED → COMMITTING →
 * COMMITTED | FAILED (refused at commit: a record changed meanwhile).
 */
export type ImportStatus = 'VALIDATING' | 'VALIDATED' | 'INVALID' | 'REFUSED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

/** An import job as the API shows it. */
export interface ImportJob {
  id: string;
  kind: string;
  status: ImportStatus;
  fileName: string | null;
  format: string;
  sizeBytes: number;
  checksum: string;
  rowsRead: number;
  rowsValidated: number;
  rowsWritten: number;
  errorCount: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  message: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  userId: number | null;
}

/** Row errors kept per job: enough to fix a file, bounded whatever the file. */
export const MAX_STORED_ERRORS = 5_000;

const toJob = (r: SqlRow): ImportJob => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  fileName: r.file_name,
  format: r.format,
  sizeBytes: Number(r.size_bytes),
  checksum: r.checksum,
  rowsRead: r.rows_read,
  rowsValidated: r.rows_validated,
  rowsWritten: r.rows_written,
  errorCount: r.error_count,
  toCreate: r.to_create,
  toUpdate: r.to_update,
  unchanged: r.unchanged,
  message: r.message,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  userId: r.user_id,
});

/** Jobs, their errors and their staged rows (schema `imports`), read and written outside the commit's transaction unless given one. */
export class ImportJobs {
  constructor(private readonly em: EntityManager) {}

  async create(kind: string, subgraph: string, identity: Identity, file: SpooledFile, fileName: string | null): Promise<ImportJob> {
    // Staged rows of jobs left a day without a commit are dropped as new jobs come in: the table stays small.
    await this.em.execute(`DELETE FROM imports.import_row r USING imports.import_job j
      WHERE r.job_id = j.id AND j.updated_at < now() - interval '1 day'`);
    const [row] = await this.em.execute(
      `INSERT INTO imports.import_job (id, kind, subgraph, user_id, username, file_name, format, size_bytes, checksum, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALIDATING') RETURNING *`,
      [
        randomUUID(),
        kind,
        subgraph,
        identity.userId,
        identity.username ?? 'system',
        fileName?.slice(0, 255) ?? null,
        file.format,
        file.size,
        file.checksum,
      ],
    );
    return toJob(row);
  }

  async find(id: string): Promise<ImportJob | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await this.em.execute('SELECT * FROM imports.import_job WHERE id = ?', [id]);
    return row ? toJob(row) : null;
  }

  /** The caller's latest jobs of a kind. */
  async recent(kind: string, userId: number, limit = 20): Promise<ImportJob[]> {
    const rows = await this.em.execute('SELECT * FROM imports.import_job WHERE kind = ? AND user_id = ? ORDER BY created_at DESC LIMIT ?', [
      kind,
      userId,
      limit,
    ]);
    return rows.map(toJob);
  }

  async update(
    id: string,
    fields: Partial<
      Record<
        'status' | 'rows_read' | 'rows_validated' | 'rows_written' | 'error_count' | 'to_create' | 'to_update' | 'unchanged' | 'message',
        unknown
      >
    >,
    { finished = false, em = this.em } = {},
  ): Promise<void> {
    const keys = Object.keys(fields);
    await em.execute(
      `UPDATE imports.import_job SET ${keys.map((k) => `${k} = ?`).join(', ')}${keys.length ? ', ' : ''}updated_at = now()${finished ? ', finished_at = now()' : ''} WHERE id = ?`,
      [...Object.values(fields), id],
    );
  }

  /** Moves a job from one status to another if it is still in the first (false when another request did first). */
  async claim(id: string, from: ImportStatus, to: ImportStatus): Promise<boolean> {
    const rows = await this.em.execute(
      'UPDATE imports.import_job SET status = ?, updated_at = now() WHERE id = ? AND status = ? RETURNING id',
      [to, id, from],
    );
    return rows.length > 0;
  }

  /** Stores row errors (up to MAX_STORED_ERRORS per job) in one statement. */
  async addErrors(id: string, errors: readonly ImportRowError[], alreadyStored: number, em = this.em): Promise<void> {
    const room = Math.max(0, MAX_STORED_ERRORS - alreadyStored);
    if (!errors.length || !room) return;
    await em.execute(
      `INSERT INTO imports.import_error (job_id, row, col, code, message, expected)
       SELECT ?, e.row, e.column, e.code, e.message, e.expected FROM jsonb_to_recordset(?::jsonb) AS e(row int, "column" text, code text, message text, expected text)`,
      [id, JSON.stringify(errors.slice(0, room))],
    );
  }

  async errors(id: string): Promise<ImportRowError[]> {
    const rows = await this.em.execute(
      'SELECT row, col, code, message, expected FROM imports.import_error WHERE job_id = ? ORDER BY row, col',
      [id],
    );
    return rows.map((r) => ({ row: r.row, column: r.col, code: r.code, message: r.message, expected: r.expected }));
  }

  async clearErrors(id: string, em = this.em): Promise<void> {
    await em.execute('DELETE FROM imports.import_error WHERE job_id = ?', [id]);
  }

  async stage(id: string, rows: readonly StagedRow[]): Promise<void> {
    if (!rows.length) return;
    await this.em.execute(
      `INSERT INTO imports.import_row (job_id, row, data) SELECT ?, r.row, r.data FROM jsonb_to_recordset(?::jsonb) AS r(row int, data jsonb)`,
      [id, JSON.stringify(rows)],
    );
  }

  /** The staged rows in row order, `size` at a time (keyset paging), read within `em`'s transaction. */
  async *staged(id: string, em: EntityManager, size: number): AsyncGenerator<StagedRow[]> {
    let after = 0;
    for (;;) {
      const rows = await em.execute<{ row: number; data: unknown }[]>(
        'SELECT row, data FROM imports.import_row WHERE job_id = ? AND row > ? ORDER BY row LIMIT ?',
        [id, after, size],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].row;
    }
  }

  async dropStaged(id: string, em = this.em): Promise<void> {
    await em.execute('DELETE FROM imports.import_row WHERE job_id = ?', [id]);
  }
}
