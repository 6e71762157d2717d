import { COMMUNE_TIERS, tierRankSql, VILLAGE_TIERS } from './domain/recognition-tiers.js';

/**
 * Hợp đồng số liệu — the one crossing between the criteria and insights schemas. Criteria owns, in its own schema:
 * - `criteria.unit_year_figures_v1(units, years)`: per unit and year, what its assessments and recognitions say,
 *   with criteria's rules inside (which assessment counts, the tier ranking, the threshold of 15 criteria);
 * - `criteria.figure_subscriber`: the functions to call, once per statement, with the units and years whose figures a
 *   write to criteria's tables may have changed (a null year: every year, for recognitions).
 * Insights reads only these (tests/figures-contract.test.ts). A criteria migration that changes what the
 * contract returns publishes a new version (`_v2`) beside the old one; insights checks the version it reads at start.
 */
export const FIGURES_CONTRACT = 'criteria.unit_year_figures_v1(integer[],integer[])';

/** The columns of version 1, as PostgreSQL prints them (`pg_get_function_result`). */
export const FIGURES_CONTRACT_RESULT =
  'TABLE(unit_id integer, year integer, commune_criteria_met integer, commune_below_threshold boolean, ' +
  'village_criteria_met integer, commune_tier_rank integer, village_tier_rank integer)';

/** Xã đạt dưới 15 tiêu chí — a commune assessed as meeting fewer than this many criteria of the standard set. */
export const BELOW_THRESHOLD_CRITERIA = 15;

/** A recognition decision `d` in force at the end of `k.year`: decided by then and not revoked by then. */
const IN_FORCE_AT_YEAR_END =
  'd.decided_on <= make_date(k.year, 12, 31) AND (d.revoked_on IS NULL OR d.revoked_on > make_date(k.year, 12, 31))';

/**
 * Version 1. A SQL-standard body (BEGIN ATOMIC): PostgreSQL records what it reads, so criteria cannot drop or alter a
 * column the contract reads without replacing the contract, and insights' function, with a body of the same kind,
 * keeps the contract from being dropped under it (tests/figures-contract.test.ts).
 *
 * Set-based: the units and years are joined to the assessments and recognitions as sets, so the planner can take
 * every key at once (a rebuild asks for every commune and village × year: 86,540 keys on the demo data) as well as
 * one by one (a write asks for a handful). `CREATE OR REPLACE`: the body may change as long as the figures do not.
 */
export const figuresContractV1Sql = `CREATE OR REPLACE FUNCTION criteria.unit_year_figures_v1(p_units integer[], p_years integer[])
  RETURNS ${FIGURES_CONTRACT_RESULT}
  LANGUAGE sql STABLE
BEGIN ATOMIC
  WITH k AS (SELECT DISTINCT * FROM unnest(p_units, p_years) AS k(unit_id, year)),
  assessed AS (
    SELECT x.unit_id, x.year, x.set_id, s.tier, s.applies_to,
      (SELECT count(*) FROM criteria.assessment_result res WHERE res.assessment_id = x.id AND res.met)::int AS met
    FROM k JOIN criteria.assessment x ON x.unit_id = k.unit_id AND x.year = k.year JOIN criteria.criteria_set s ON s.id = x.set_id
    WHERE (s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE') OR s.applies_to = 'VILLAGE'),
  a AS (SELECT DISTINCT ON (unit_id, year) unit_id, year, met FROM assessed
        WHERE tier = 'STANDARD' AND applies_to = 'COMMUNE' ORDER BY unit_id, year, set_id DESC),
  v AS (SELECT DISTINCT ON (unit_id, year) unit_id, year, met FROM assessed
        WHERE applies_to = 'VILLAGE' ORDER BY unit_id, year, set_id DESC),
  r AS (
    SELECT k.unit_id, k.year, max(${tierRankSql('d.tier', COMMUNE_TIERS)}) AS rank, max(${tierRankSql('d.tier', VILLAGE_TIERS)}) AS village_rank
    FROM k JOIN criteria.recognition_decision d ON d.unit_id = k.unit_id
    WHERE ${IN_FORCE_AT_YEAR_END}
    GROUP BY k.unit_id, k.year)
  SELECT k.unit_id, k.year, a.met, a.met < ${BELOW_THRESHOLD_CRITERIA}, v.met, COALESCE(r.rank, 0), COALESCE(r.village_rank, 0)
  FROM k LEFT JOIN a ON a.unit_id = k.unit_id AND a.year = k.year
  LEFT JOIN v ON v.unit_id = k.unit_id AND v.year = k.year
  LEFT JOIN r ON r.unit_id = k.unit_id AND r.year = k.year;
END`;

/**
 * Why insights cannot read criteria's figures, or null when it can: the contract version insights reads exists with
 * the columns insights expects. Checked when the insights subgraph starts, so a mismatch stops it with this message
 * instead of showing wrong figures.
 */
export async function figuresContractProblem(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<string | null> {
  const [row] = await query(`SELECT pg_get_function_result(to_regprocedure('${FIGURES_CONTRACT}')) AS result`);
  if (!row?.result) return `the figures contract ${FIGURES_CONTRACT} is missing: run the criteria subgraph's migrations first`;
  if (row.result !== FIGURES_CONTRACT_RESULT)
    return `the figures contract ${FIGURES_CONTRACT} returns ${row.result}, not ${FIGURES_CONTRACT_RESULT}`;
  return null;
}
