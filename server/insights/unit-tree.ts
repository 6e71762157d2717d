import type { EntityManager } from '@mikro-orm/postgresql';
import { peerData, type PeerQuery } from '../shared/peers.js';

/** First and last year insights keeps figures for (the 2021–2025 and 2026–2030 programme periods). */
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2030;

const PAGE = 500;
const REVISION = '{ unitsRevision }';
const CHANGES = `query($since: String, $after: ID) { unitChanges(sinceRevision: $since, afterId: $after, limit: ${PAGE}) {
  revision full nextAfterId nodes { id removed unit { id code name level kind placeholder path validFrom validTo predecessors { share unit { id } } } } } }`;

/**
 * A placeholder (a unit a plan speaks of without naming it, e.g. Chi Lăng's unnamed commune) is kept with this kind:
 * its targets can be read, but it is never a rural commune the figures count, nor a row of a listed comparison. The
 * units subgraph's change feed carries placeholders like any unit (lists leave them out unless asked), flagged.
 */
export const PLACEHOLDER_KIND = 'PLACEHOLDER';

/** A page of CHANGES. */
interface ChangesPage {
  full: boolean;
  nextAfterId: string | null;
  nodes: {
    id: string;
    removed: boolean;
    unit: Omit<TreeUnit, 'id' | 'kind' | 'predecessors'> & {
      id: string;
      kind: string;
      placeholder: boolean;
      predecessors: { share: string; unit: { id: string } }[];
    };
  }[];
}

interface TreeUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  kind: string;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  predecessors: { share: string; unitId: number }[];
}

/** What a sync did: nothing (the copy was current), a full load, or the changes since the copy's revision. */
export interface TreeSync {
  full: boolean;
  units: number;
  removed: number;
  /** Communes and villages whose rollup, facts and summaries were recomputed. */
  refreshed: number;
  revision: string;
}

/**
 * Reads what changed in the units subgraph since `since` (everything when null or from another database), through
 * its public API, page by page (keyset on id, so rows changing meanwhile are not skipped).
 */
async function readChanges(peers: PeerQuery, since: string | null): Promise<{ full: boolean; units: TreeUnit[]; removed: number[] }> {
  const units: TreeUnit[] = [];
  const removed: number[] = [];
  for (let after: string | null = null; ;) {
    const { unitChanges: page }: { unitChanges: ChangesPage } = await peerData<{ unitChanges: ChangesPage }>(peers, 'units', CHANGES, {
      since,
      after,
    });
    for (const node of page.nodes) {
      if (node.removed) {
        removed.push(Number(node.id));
        continue;
      }
      const u = node.unit;
      units.push({
        id: Number(u.id),
        code: u.code,
        name: u.name,
        level: u.level,
        kind: u.placeholder ? PLACEHOLDER_KIND : u.kind,
        path: u.path,
        validFrom: u.validFrom,
        validTo: u.validTo,
        predecessors: u.predecessors.map((p) => ({ share: p.share, unitId: Number(p.unit.id) })),
      });
    }
    if (page.nextAfterId === null) return { full: page.full, units, removed };
    after = page.nextAfterId;
  }
}

/** Writes units into the copy (inserted, or replaced when present) with the links to their predecessors. */
async function upsertUnits(em: EntityManager, units: readonly TreeUnit[]): Promise<void> {
  if (!units.length) return;
  await em.execute(
    `INSERT INTO insights.unit (id, code, name, level, kind, parent_id, path, valid_from, valid_to)
     SELECT r.id, r.code, r.name, r.level, r.kind, CASE WHEN nlevel(r.path::public.ltree) > 1 THEN subpath(r.path::public.ltree, -2, 1)::text::int END,
       r.path::public.ltree, r."validFrom", r."validTo"
     FROM jsonb_to_recordset(?::jsonb) AS r(id int, code text, name text, level text, kind text, path text, "validFrom" date, "validTo" date)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, level = excluded.level, kind = excluded.kind,
       parent_id = excluded.parent_id, path = excluded.path, valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
    [JSON.stringify(units.map(({ predecessors: _, ...u }) => u))],
  );
  await em.execute('DELETE FROM insights.unit_lineage WHERE successor_id = ANY(?::int[])', [`{${units.map((u) => u.id).join(',')}}`]);
  const lineage = units.flatMap((u) => u.predecessors.map((p) => ({ successor_id: u.id, predecessor_id: p.unitId, share: p.share })));
  await em.execute(
    `INSERT INTO insights.unit_lineage (successor_id, predecessor_id, share)
     SELECT r.successor_id, r.predecessor_id, r.share FROM jsonb_to_recordset(?::jsonb) AS r(successor_id int, predecessor_id int, share text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(lineage)],
  );
}

/** Replaces the whole copy of the unit tree with `units`. */
async function replaceUnits(em: EntityManager, units: readonly TreeUnit[]): Promise<void> {
  await em.execute('DELETE FROM insights.unit_lineage');
  await em.execute('DELETE FROM insights.unit');
  await upsertUnits(em, units);
}

/** Records the revision the copy has reached, with its size. */
async function recordTreeState(em: EntityManager, revision: string): Promise<void> {
  const [{ units: count, lineage }] = await em.execute<{ units: number; lineage: number }[]>(
    'SELECT (SELECT count(*) FROM insights.unit)::int AS units, (SELECT count(*) FROM insights.unit_lineage)::int AS lineage',
  );
  await em.execute(
    `INSERT INTO insights.tree_state (id, units, lineage, revision) VALUES (1, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET units = excluded.units, lineage = excluded.lineage, revision = excluded.revision, loaded_at = now()`,
    [count, lineage, revision],
  );
}

/** Communes and villages with facts. */
const factUnits = async (em: EntityManager): Promise<number> =>
  Number((await em.execute('SELECT count(DISTINCT unit_id) AS n FROM insights.fact'))[0].n);

/**
 * The first load, when insights seeds: the unit tree copied and rolled up while criteria may still be seeding, then
 * facts and summaries once `criteriaSeeded` resolves (criteria's records committed). Before the hub listens nothing
 * else writes insights' tables (one process seeds it: withStartupLock), so the lock criteria's triggers share is
 * taken for the figures only: until this transaction commits, criteria's writes find no facts of it to refresh.
 */
export async function loadUnitTree(em: EntityManager, peers: PeerQuery, criteriaSeeded: Promise<void>): Promise<TreeSync> {
  const { unitsRevision: revision } = await peerData<{ unitsRevision: string }>(peers, 'units', REVISION);
  const { units } = await readChanges(peers, null);
  await replaceUnits(em, units);
  await em.execute('SELECT insights.rebuild_rollup()');
  await criteriaSeeded;
  await em.execute("SELECT pg_advisory_xact_lock(hashtext('insights.tree'))");
  await em.execute('SELECT insights.rebuild_figures(?, ?)', [FIRST_YEAR, LAST_YEAR]);
  await recordTreeState(em, revision);
  return { full: true, units: units.length, removed: 0, refreshed: await factUnits(em), revision };
}

/**
 * Brings the copy of the unit tree up to the units subgraph's revision, in the caller's transaction: the first time
 * (or for another database) it loads every unit and rebuilds rollup, facts and summaries; afterwards it applies only
 * the units written or removed since, and recomputes the communes and villages they concern. Holds the lock that
 * criteria's triggers share, so no write's figures are lost to a refresh. Returns null when the copy was current.
 */
export async function syncUnitTree(em: EntityManager, peers: PeerQuery): Promise<TreeSync | null> {
  await em.execute("SELECT pg_advisory_xact_lock(hashtext('insights.tree'))");
  const [state] = await em.execute<{ revision: string | null }[]>('SELECT revision FROM insights.tree_state WHERE id = 1');
  const { unitsRevision: revision } = await peerData<{ unitsRevision: string }>(peers, 'units', REVISION);
  if (state?.revision === revision) return null;
  const { full, units, removed } = await readChanges(peers, state?.revision ?? null);
  let refreshed: number;
  if (full) {
    await replaceUnits(em, units);
    await em.execute('SELECT insights.rebuild(?, ?)', [FIRST_YEAR, LAST_YEAR]);
    refreshed = await factUnits(em);
  } else {
    const gone = `{${removed.join(',')}}`;
    await em.execute('DELETE FROM insights.unit_lineage WHERE successor_id = ANY(?::int[]) OR predecessor_id = ANY(?::int[])', [
      gone,
      gone,
    ]);
    await em.execute('DELETE FROM insights.unit WHERE id = ANY(?::int[])', [gone]);
    await upsertUnits(em, units);
    const changed = `{${[...units.map((u) => u.id), ...removed].join(',')}}`;
    [{ n: refreshed }] = await em.execute<{ n: number }[]>('SELECT insights.refresh_units(?::int[], ?, ?) AS n', [
      changed,
      FIRST_YEAR,
      LAST_YEAR,
    ]);
  }
  await recordTreeState(em, revision);
  return { full, units: units.length, removed: removed.length, refreshed: Number(refreshed), revision };
}

/** Per hub (its peer client): the units revision this process last found the copy at, sparing a read of the copy's state. */
const seen = new WeakMap<PeerQuery, string>();

/**
 * Whether the copy is at the units subgraph's revision (one cheap peer read, answered from memory when this process
 * saw that revision already); when not, a sync in its own transaction. Every comparison, progress and sub-unit read
 * calls this first, so a village added or a reorganisation recorded shows in the very next read.
 */
export async function currentUnitTree(em: EntityManager, peers: PeerQuery): Promise<void> {
  const { unitsRevision } = await peerData<{ unitsRevision: string }>(peers, 'units', REVISION);
  if (seen.get(peers) === unitsRevision) return;
  const [state] = await em.execute<{ revision: string | null }[]>('SELECT revision FROM insights.tree_state WHERE id = 1');
  if (state?.revision !== unitsRevision) await em.fork().transactional((tx) => syncUnitTree(tx, peers));
  seen.set(peers, unitsRevision);
}
