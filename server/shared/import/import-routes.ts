/**
 * Which subgraph serves each import kind at `/imports/<kind>`: a gateway in front of separately run subgraphs
 * (Hive Gateway, `hive-plugins.ts`) passes each kind's requests to that subgraph's process. The hub checks at start
 * that every subgraph's import kinds are listed here under its name.
 */
export const IMPORT_SUBGRAPHS: Readonly<Record<string, string>> = {
  assessments: 'criteria',
  villages: 'units',
  classifications: 'units',
  targets: 'campaigns',
  contributions: 'awards',
};
