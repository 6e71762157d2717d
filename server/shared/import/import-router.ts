import { rm } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { writeAudit } from '../audit.js';
import type { HubAuth } from '../auth/hub-auth.js';
import { requireSignedIn } from '../guard.js';
import type { SubgraphContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { sendHttpError } from '../http-errors.js';
import type { Identity } from '../identity.js';
import type { Logger } from '../logger.js';
import { withRequestScope } from '../request-scope.js';
import { type Cell, sendTable } from '../table-file.js';
import { ImportFileError, sheetRows, spoolUpload, type SpooledFile } from './import-file.js';
import { ImportJobs, type ImportJob } from './import-jobs.js';
import { textColumnsOf } from './import-columns.js';
import { commonPath, type ImportKind, templateFile, type ValidatedBatch } from './import-kind.js';
import { type ImportRowError, type ParsedRow, parseRow, readHeader } from './import-row.js';

/** What the hub gives a subgraph's import routes. */
export interface ImportDeps {
  subgraph: string;
  auth: HubAuth;
  /** A request context of the subgraph for this caller (its own EntityManager, units directory, peers). */
  contextFor(identity: Identity): SubgraphContext;
  maxBytes: number;
  /** How long a `wait=true` request waits for its job before answering with the job as it stands. */
  waitMs: number;
  log: Logger;
}

/** Rows validated at a time: one lookup of their units, one statement per table. */
const VALIDATE_BATCH = 500;
/** Staged rows written at a time in the commit: each statement stays well inside the statement time limit. */
const COMMIT_BATCH = 1_000;

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** The GraphQL error vocabulary over HTTP: the same JSON body as every other route. */
function sendError(res: Response, error: unknown, log: Logger): void {
  if (error instanceof ImportFileError) {
    res.status(error.status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
  } else if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && STATUS[error.extensions.code]) {
    res.status(STATUS[error.extensions.code]).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
  } else {
    log.error({ err: error }, 'import route failed');
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Lỗi hệ thống, vui lòng thử lại sau', 'Internal error, please try again later');
  }
}

/** The message a job keeps when its file or its commit is refused (the GraphQL vocabulary's, or a generic one). */
function refusal(error: unknown, log: Logger): string {
  if (
    error instanceof ImportFileError ||
    (error instanceof GraphQLError && typeof error.extensions.code === 'string' && STATUS[error.extensions.code])
  )
    return error.message;
  log.error({ err: error }, 'import job failed');
  return 'Lỗi hệ thống khi nhập dữ liệu, vui lòng thử lại — Internal error while importing, please try again';
}

/**
 * The route's role check, as `@Authorized(kind.capability)` on a resolver: anonymous callers are refused, and so are
 * callers the request's guard gives the capability over no unit (they could import no row). Each row's unit is then
 * checked through the same guard.
 */
function mayImport(ctx: SubgraphContext, kind: ImportKind): void {
  requireSignedIn(ctx);
  if (!ctx.guard.paths(kind.capability).length) {
    throw forbidden(`Bạn không có quyền nhập ${kind.title.vi.toLowerCase()}`, `You may not import ${kind.title.en.toLowerCase()}`);
  }
}

/** Runs one job's phases, one at a time per job, in the caller's request scope (the audit log names the caller). */
class JobRunner {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly kind: ImportKind,
    private readonly deps: ImportDeps,
  ) {}

  /** Starts a phase in the background; the promise settles when it ends (never rejects). */
  start(jobId: string, ctx: SubgraphContext, phase: () => Promise<void>): Promise<void> {
    const run = withRequestScope(() => phase(), ctx)
      .catch((error) => this.deps.log.error({ err: error, jobId }, 'import phase crashed'))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
    return run;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Dry run: reads the file through its header, validates every row batch by batch, stages the valid ones, keeps the errors. */
  async validate(job: ImportJob, file: SpooledFile, ctx: SubgraphContext, jobs: ImportJobs): Promise<void> {
    const validator = new this.kind.validator(ctx);
    const totals = { rows_read: 0, rows_validated: 0, error_count: 0, to_create: 0, to_update: 0, unchanged: 0 };
    const flush = async (batch: ValidatedBatch, validated: number) => {
      await jobs.stage(job.id, batch.staged);
      await jobs.addErrors(job.id, batch.errors, totals.error_count);
      totals.rows_validated += validated;
      totals.error_count += batch.errors.length;
      totals.to_create += batch.toCreate;
      totals.to_update += batch.toUpdate;
      totals.unchanged += batch.unchanged;
      await jobs.update(job.id, totals);
    };
    try {
      let layout: ReturnType<typeof readHeader> | undefined;
      let rows: ParsedRow[] = [];
      for await (const line of sheetRows(file)) {
        if (!layout) {
          layout = readHeader(this.kind, line.cells, line.sheet);
          continue;
        }
        totals.rows_read++;
        rows.push(parseRow(layout, line.row, line.cells));
        if (rows.length === VALIDATE_BATCH) {
          await flush(await validator.validate(rows), rows.length);
          rows = [];
        }
      }
      if (!layout) throw new ImportFileError('Tệp không có dòng tiêu đề', 'The file has no header row');
      if (!totals.rows_read)
        throw new ImportFileError('Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào', 'The file has a header row and no data rows');
      if (rows.length) await flush(await validator.validate(rows), rows.length);
      if (validator.finish) await flush(await validator.finish(), 0);
      await jobs.update(job.id, { status: totals.error_count ? 'INVALID' : 'VALIDATED' }, { finished: true });
      if (totals.error_count) await jobs.dropStaged(job.id);
    } catch (error) {
      await jobs.dropStaged(job.id);
      await jobs.update(job.id, { ...totals, status: 'REFUSED', message: refusal(error, this.deps.log) }, { finished: true });
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /**
   * Commit: every staged row in one transaction, set-based a thousand at a time, the kind re-checking versions under
   * lock, one commit of a kind at a time; one audit event for the whole file; the job's final state in the same transaction. Progress goes to the job
   * row through another connection, so the console sees it while the transaction runs.
   */
  async commit(job: ImportJob, ctx: SubgraphContext, jobs: ImportJobs): Promise<void> {
    let written = 0;
    try {
      const committed = await ctx.em.transactional(async (tx: EntityManager) => {
        // Commits of one kind run one after another (on every process: the lock is PostgreSQL's), so two files
        // holding the same rows committed at once write them once: the second sees the first's rows as stored.
        await tx.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [`ntm.import.${this.kind.name}`]);
        await this.kind.beforeCommit?.(tx);
        let created = 0;
        let updated = 0;
        let paths: string[] = [];
        for await (const rows of jobs.staged(job.id, tx, COMMIT_BATCH)) {
          const batch = await this.kind.commit(tx, ctx, rows);
          created += batch.created;
          updated += batch.updated;
          written += rows.length;
          const common = commonPath([...paths, ...batch.unitPaths]);
          paths = common ? [common] : [];
          await jobs.update(job.id, { rows_written: written });
        }
        const unitPath = paths[0] ?? null;
        await writeAudit(tx, {
          subgraph: this.deps.subgraph,
          entity: 'Import',
          entityId: job.id,
          action: 'CREATE',
          unitId: unitPath ? Number(unitPath.split('.').pop()) : null,
          unitPath: unitPath ?? undefined,
          before: null,
          after: {
            kind: this.kind.name,
            fileName: job.fileName,
            checksum: job.checksum,
            sizeBytes: job.sizeBytes,
            rows: job.rowsRead,
            created,
            updated,
            unchanged: job.unchanged,
          },
        });
        await jobs.update(
          job.id,
          { status: 'COMMITTED', rows_written: written, to_create: created, to_update: updated },
          { finished: true, em: tx },
        );
        return { created, updated };
      });
      this.deps.log.info({ jobId: job.id, kind: this.kind.name, ...committed }, 'import committed');
    } catch (error) {
      const errors =
        error instanceof GraphQLError && Array.isArray(error.extensions.rowErrors) ? (error.extensions.rowErrors as ImportRowError[]) : [];
      await jobs.clearErrors(job.id);
      await jobs.addErrors(job.id, errors, 0);
      await jobs.update(
        job.id,
        { status: 'FAILED', rows_written: 0, error_count: errors.length, message: refusal(error, this.deps.log) },
        { finished: true },
      );
    } finally {
      await jobs.dropStaged(job.id);
    }
  }
}

const ERROR_HEADERS: Cell[] = ['Dòng', 'Cột', 'Mã lỗi', 'Lỗi', 'Cần nhập'];

/**
 * The HTTP routes of one import kind, mounted by the hub at `/imports/<kind>` on the process serving the subgraph
 * that owns the data (see docs/import.md):
 * - `GET  /template.xlsx|.csv[?filters]` — the template; with filters, the stored records in it;
 * - `POST /` (body: the file; `?fileName=`, `?commit=true` to commit at once when every row passes, `?wait=true`) →
 *   202 and the job: the dry run runs in the background;
 * - `GET  /jobs` — the caller's latest jobs; `GET /jobs/:id` — one job and its progress;
 * - `GET  /jobs/:id/errors` — its first 200 row errors as JSON; `GET /jobs/:id/errors.csv|.xlsx` — all of them;
 * - `POST /jobs/:id/commit[?wait=true]` — commits a VALIDATED job.
 * Every route needs a signed-in caller (Bearer token); jobs are seen by their owner and system administrators.
 */
export function importRouter(kind: ImportKind, deps: ImportDeps): Router {
  const router = Router();
  const runner = new JobRunner(kind, deps);

  const signedIn = async (req: Request): Promise<SubgraphContext> => {
    const ctx = deps.contextFor(await deps.auth.authenticate(req.headers.authorization));
    mayImport(ctx, kind);
    return ctx;
  };
  const ownJob = async (ctx: SubgraphContext, id: string): Promise<ImportJob> => {
    const job = await new ImportJobs(ctx.em).find(id);
    const mine = job && job.kind === kind.name && (job.userId === ctx.identity.userId || ctx.guard.isSystemAdmin());
    if (!mine) throw notFound(`Không có lượt nhập ${id}`, `No import ${id}`);
    return job;
  };
  /** Answers with the job once its phase is over, or after `waitMs` as it stands (202 while it still runs). */
  const answer = async (res: Response, ctx: SubgraphContext, job: ImportJob, phase: Promise<void> | null, wait: boolean) => {
    if (phase && wait) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        phase,
        new Promise((resolve) => {
          timer = setTimeout(resolve, deps.waitMs);
        }),
      ]);
      clearTimeout(timer);
    }
    const current = (await new ImportJobs(ctx.em).find(job.id))!;
    res.status(runner.isRunning(job.id) ? 202 : 200).json({ job: current });
  };
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    fn(req, res).catch((error) => sendError(res, error, deps.log));
  };

  router.get(
    /^\/template\.(csv|xlsx)$/,
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' && v !== '' ? v : undefined]));
      const table = await kind.template(ctx, query);
      await sendTable(res, req.path.endsWith('.xlsx') ? 'xlsx' : 'csv', templateFile(kind, table), kind.sheetName, table.rows, {
        textColumns: textColumnsOf(kind.columns),
      });
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > deps.maxBytes) {
        req.resume();
        throw new ImportFileError(
          `Tệp ${Math.round(declared / 1024 / 1024)} MB vượt quá giới hạn ${Math.round(deps.maxBytes / 1024 / 1024)} MB: chia thành nhiều tệp (theo tỉnh hoặc theo năm)`,
          `The file (${Math.round(declared / 1024 / 1024)} MB) exceeds the ${Math.round(deps.maxBytes / 1024 / 1024)} MB limit: split it (by province or year)`,
          413,
          'PAYLOAD_TOO_LARGE',
        );
      }
      const file = await spoolUpload(req, deps.maxBytes);
      const fileName = typeof req.query.fileName === 'string' ? req.query.fileName : null;
      const jobs = new ImportJobs(ctx.em);
      const job = await jobs.create(kind.name, deps.subgraph, ctx.identity, file, fileName);
      const commitAfter = req.query.commit === 'true';
      const phase = runner.start(job.id, ctx, async () => {
        await runner.validate(job, file, ctx, jobs);
        const validated = await jobs.find(job.id);
        if (commitAfter && validated?.status === 'VALIDATED') await runner.commit(validated, deps.contextFor(ctx.identity), jobs);
      });
      await answer(res, ctx, job, phase, req.query.wait === 'true');
    }),
  );

  router.get(
    '/jobs',
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      res.json({ jobs: await new ImportJobs(ctx.em).recent(kind.name, ctx.identity.userId!) });
    }),
  );

  router.get(
    '/jobs/:id',
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      res.json({ job: await ownJob(ctx, String(req.params.id)) });
    }),
  );

  router.get(
    '/jobs/:id/errors',
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      const job = await ownJob(ctx, String(req.params.id));
      res.json({ errors: (await new ImportJobs(ctx.em).errors(job.id)).slice(0, 200) });
    }),
  );

  router.get(
    /^\/jobs\/([0-9a-f-]{36})\/errors\.(csv|xlsx)$/,
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      const job = await ownJob(ctx, String(req.params[0]));
      const errors = await new ImportJobs(ctx.em).errors(job.id);
      const rows: Cell[][] = [ERROR_HEADERS, ...errors.map((e) => [e.row, e.column, e.code, e.message, e.expected])];
      await sendTable(res, req.params[1] === 'xlsx' ? 'xlsx' : 'csv', `loi-nhap-${kind.name}-${job.id.slice(0, 8)}`, 'Lỗi', rows);
    }),
  );

  router.post(
    '/jobs/:id/commit',
    handle(async (req, res) => {
      const ctx = await signedIn(req);
      const job = await ownJob(ctx, String(req.params.id));
      const jobs = new ImportJobs(ctx.em);
      if (!(await jobs.claim(job.id, 'VALIDATED', 'COMMITTING'))) {
        throw new GraphQLError(
          `Lượt nhập đang ở trạng thái ${job.status}: chỉ ghi được khi đã kiểm tra xong và không có lỗi — The import is ${job.status}: only a VALIDATED import can be committed`,
          { extensions: { code: 'CONFLICT' } },
        );
      }
      const phase = runner.start(job.id, ctx, () => runner.commit(job, deps.contextFor(ctx.identity), jobs));
      await answer(res, ctx, job, phase, req.query.wait === 'true');
    }),
  );

  return router;
}
