import type { EntityManager } from '@mikro-orm/postgresql';
import { peerData, type PeerQuery } from '../shared/peers.js';
import { today } from '../shared/scalars.js';

/** First and last year insights keeps figures for (the 2021–2025 and 2026–2030 programme periods). */
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2030;

/**
 * The dates the unit tree is read at: the last day before the 1 July 2025 reorganisation and today. The units
 * API answers "units valid on a date"; these two dates cover both sides of the reorganisation.
 */
const TREE_DATES = ['2025-06-30'];

const PAGE = 500;
const UNITS = `query($f: UnitFilter, $o: Int, $d: Date) { units(filter: $f, offset: $o, limit: ${PAGE}) { totalCount nodes {
  id code name level kind path validFrom validTo classifications(asOf: $d) { code } predecessors { share unit { id } } } } }`;

/**
 * A placeholder (a unit a plan speaks of without naming it, e.g. Chi Lăng's unnamed commune) is kept with this kind:
 * its targets can be read, but it is never a rural commune the figures count, nor a row of a listed comparison.
 */
export const PLACEHOLDER_KIND = 'PLACEHOLDER';

/** Real units, then placeholders: both lists the tree is read from, on each date. */
const LISTS = [{ placeholder: false }, { placeholder: true }] as const;

interface TreeUnit {
  id: number; code: string; name: string; level: string; kind: string; path: string;
  validFrom: string | null; validTo: string | null; classifications: string[];
  predecessors: { share: string; unitId: number }[];
}

/** Reads every unit on both sides of the reorganisation, with lineage, through the units subgraph's public API. */
export async function readUnitTree(peers: PeerQuery): Promise<{ units: TreeUnit[]; reported: number }> {
  const units = new Map<number, TreeUnit>();
  let reported = 0;
  for (const asOf of [...TREE_DATES, today()]) for (const { placeholder } of LISTS) {
    for (let offset = 0; ; offset += PAGE) {
      const data = await peerData(peers, 'units', UNITS, { f: { asOf, placeholder }, o: offset, d: asOf });
      for (const u of data.units.nodes) {
        units.set(Number(u.id), {
          id: Number(u.id), code: u.code, name: u.name, level: u.level, kind: placeholder ? PLACEHOLDER_KIND : u.kind, path: u.path, validFrom: u.validFrom, validTo: u.validTo,
          classifications: u.classifications.map((c: { code: string }) => c.code),
          predecessors: u.predecessors.map((p: any) => ({ share: p.share, unitId: Number(p.unit.id) })),
        });
      }
      if (offset + PAGE >= data.units.totalCount || !data.units.nodes.length) {
        reported += data.units.totalCount;
        break;
      }
    }
  }
  return { units: [...units.values()], reported };
}

/**
 * Replaces the unit tree and lineage, then rebuilds rollup, facts and summaries from criteria's rows. Runs in the
 * caller's transaction (seed, or a start that finds the units changed).
 */
export async function loadUnitTree(em: EntityManager, peers: PeerQuery): Promise<{ units: number; lineage: number }> {
  const { units, reported } = await readUnitTree(peers);
  const lineage = units.flatMap((u) => u.predecessors.map((p) => ({ successor_id: u.id, predecessor_id: p.unitId, share: p.share })));
  await em.execute('DELETE FROM insights.unit');
  await em.execute('DELETE FROM insights.unit_lineage');
  await em.execute(
    `INSERT INTO insights.unit (id, code, name, level, kind, parent_id, path, valid_from, valid_to, classifications)
     SELECT r.id, r.code, r.name, r.level, r.kind, CASE WHEN nlevel(r.path::public.ltree) > 1 THEN subpath(r.path::public.ltree, -2, 1)::text::int END, r.path::public.ltree,
       r."validFrom", r."validTo", ARRAY(SELECT jsonb_array_elements_text(r.classifications))
     FROM jsonb_to_recordset(?::jsonb) AS r(id int, code text, name text, level text, kind text, path text, "validFrom" date, "validTo" date, classifications jsonb)`,
    [JSON.stringify(units.map(({ predecessors: _, ...u }) => u))],
  );
  await em.execute(
    `INSERT INTO insights.unit_lineage (successor_id, predecessor_id, share)
     SELECT r.successor_id, r.predecessor_id, r.share FROM jsonb_to_recordset(?::jsonb) AS r(successor_id int, predecessor_id int, share text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(lineage)],
  );
  await em.execute('SELECT insights.rebuild(?, ?)', [FIRST_YEAR, LAST_YEAR]);
  await em.execute(`INSERT INTO insights.tree_state (id, units, lineage) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET units = excluded.units, lineage = excluded.lineage, loaded_at = now()`, [reported, lineage.length]);
  return { units: units.length, lineage: lineage.length };
}

/** How many units the units API reports on the tree dates (summed over the dates): a cheap check of whether the copy is current. */
export async function unitCountNow(peers: PeerQuery): Promise<number> {
  let total = 0;
  for (const asOf of [...TREE_DATES, today()]) for (const { placeholder } of LISTS) {
    total += (await peerData(peers, 'units', 'query($f: UnitFilter) { units(filter: $f, limit: 1) { totalCount } }', { f: { asOf, placeholder } })).units.totalCount;
  }
  return total;
}
