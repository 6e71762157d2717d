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

/** Years a date given as input may fall in: anything else is a typo (0100 for 2010) or a probe, not a record. */
export const INPUT_YEARS = { min: 1900, max: 2100 };

/** A date given as input: a real calendar date within INPUT_YEARS. */
function coerceInput(value: unknown): string {
  const date = coerce(value);
  const year = Number(date.slice(0, 4));
  if (year < INPUT_YEARS.min || year > INPUT_YEARS.max) {
    throw new GraphQLError(
      bilingual(
        `Ngày ${date} nằm ngoài các năm ${INPUT_YEARS.min}–${INPUT_YEARS.max}`,
        `Date ${date} lies outside the years ${INPUT_YEARS.min}–${INPUT_YEARS.max}`,
      ),
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return date;
}

function coerce(value: unknown): string {
  const date = parseIsoDate(value);
  if (!date) {
    throw new GraphQLError(
      bilingual(
        `Ngày không hợp lệ: ${JSON.stringify(value)} (định dạng YYYY-MM-DD)`,
        `Invalid date ${JSON.stringify(value)}: expected YYYY-MM-DD`,
      ),
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return date;
}

/** A calendar date without time or zone, as "YYYY-MM-DD". */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description:
    'Ngày (YYYY-MM-DD; khi nhập: năm 1900–2100) — a calendar date without time zone, e.g. "2025-07-01"; as input, within the years 1900–2100.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : coerce(value)),
  parseValue: coerceInput,
  parseLiteral: (ast) => coerceInput(ast.kind === Kind.STRING ? ast.value : undefined),
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
