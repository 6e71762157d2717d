import pg from 'pg';
import './provided-context.js';
import { databaseUrl } from './hub.js';

let pool: pg.Pool | undefined;
const getPool = () => (pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 2 }));
/** Closes this file's pool (tests/support/setup.ts, after each file: modules stay loaded from one file to the next). */
export async function closePool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

/** Runs SQL against the hub's test database directly, to check what was (or was not) written. */
export async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query(text, params)).rows as T[];
}

/**
 * Writes with SQL as a test fixture, audited like any write (a table of a subgraph refuses a transaction without an
 * audit row of that subgraph): the statement and an audit row naming it run in one transaction.
 */
export async function auditedSql<T = Record<string, any>>(subgraph: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(text, params);
    await client.query(
      `INSERT INTO audit.audit_log (username, subgraph, entity, entity_id, action, after) VALUES ('test', $1, 'TestFixture', '-', 'UPDATE', $2)`,
      [subgraph, { statement: text }],
    );
    await client.query('COMMIT');
    return rows as T[];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Row counts of the given tables in one statement, to prove a rejected write changed nothing. */
export async function rowCounts(tables: string[]): Promise<Record<string, number>> {
  const columns = tables.map((t, i) => `(SELECT count(*) FROM ${t}) AS c${i}`).join(', ');
  const [row] = await sql(`SELECT ${columns}`);
  return Object.fromEntries(tables.map((t, i) => [t, Number(row[`c${i}`])]));
}
