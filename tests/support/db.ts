import pg from 'pg';
import { afterAll } from 'vitest';
import './provided-context.js';
import { databaseUrl } from './hub.js';

let pool: pg.Pool | undefined;
const getPool = () => (pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 2 }));
afterAll(async () => {
  await pool?.end();
  pool = undefined;
});

/** Runs SQL against the hub's test database directly, to check what was (or was not) written. */
export async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query(text, params)).rows as T[];
}

/** Row counts of the given tables in one statement, to prove a rejected write changed nothing. */
export async function rowCounts(tables: string[]): Promise<Record<string, number>> {
  const columns = tables.map((t, i) => `(SELECT count(*) FROM ${t}) AS c${i}`).join(', ');
  const [row] = await sql(`SELECT ${columns}`);
  return Object.fromEntries(tables.map((t, i) => [t, Number(row[`c${i}`])]));
}
