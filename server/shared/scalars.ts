import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { bilingual } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a calendar date "YYYY-MM-DD"; returns undefined when malformed or not a real date. */
export function parseIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : undefined;
}

function coerce(value: unknown): string {
  const date = parseIsoDate(value);
  if (!date) {
    throw new GraphQLError(
      bilingual(`Ngày không hợp lệ: ${JSON.stringify(value)} (định dạng YYYY-MM-DD)`, `Invalid date ${JSON.stringify(value)}: expected YYYY-MM-DD`),
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return date;
}

/** A calendar date without time or zone, as "YYYY-MM-DD". */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Ngày (YYYY-MM-DD) — a calendar date without time zone, e.g. "2025-07-01".',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : coerce(value)),
  parseValue: coerce,
  parseLiteral: (ast) => coerce(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Today's date in Vietnam (UTC+7), the default "as of" date of every lookup. */
export function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before, when negative) a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
