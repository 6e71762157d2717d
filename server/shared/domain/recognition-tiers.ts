/**
 * Mức công nhận — the order of recognition tiers. A unit's standing in a year is its highest tier with a decision in
 * force; a model commune also counts as advanced and NTM. The SQL of insights and the benchmark is generated from
 * this table (`tierRankSql`), so code and database rank alike.
 */
export const TIER_RANK = {
  NTM: 1,
  NTM_TASKS_COMPLETED: 1,
  NTM_VILLAGE: 1,
  ADVANCED: 2,
  MODEL_VILLAGE: 2,
  MODEL: 3,
} as const;

export type RankedTier = keyof typeof TIER_RANK;

/** The tiers of a rural commune or district, lowest first. */
export const COMMUNE_TIERS = ['NTM', 'ADVANCED', 'MODEL'] as const;

/** The tiers of a village, lowest first: a model village (khu dân cư kiểu mẫu) is also at the village standard. */
export const VILLAGE_TIERS = ['NTM_VILLAGE', 'MODEL_VILLAGE'] as const;

/** A tier's rank; 0 for anything that is not a recognition tier (a status such as CIVILISED_URBAN). */
export const tierRank = (tier: string): number => (TIER_RANK as Record<string, number>)[tier] ?? 0;

/** `CASE <column> WHEN 'NTM' THEN 1 … ELSE 0 END` for the given tiers (all by default): the same ranks in SQL. */
export function tierRankSql(column: string, tiers: readonly RankedTier[] = Object.keys(TIER_RANK) as RankedTier[]): string {
  return `CASE ${column} ${tiers.map((t) => `WHEN '${t}' THEN ${TIER_RANK[t]}`).join(' ')} ELSE 0 END`;
}
