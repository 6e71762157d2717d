import pg from 'pg';
import { inject } from 'vitest';

/** Runs SQL against the hub's test database directly, to check what was (or was not) written. */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Row counts of the given tables, to prove a rejected write changed nothing. */
export async function rowCounts(tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return counts;
}
