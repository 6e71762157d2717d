import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'yaml';
import type { SeedTools } from '../shared/subgraph-module.js';
import { projectPath } from '../shared/project.js';
import type { LineageSeed, UnitSeed } from './seed-records.js';
import { seedDemoVillages } from './demo-villages.js';

/**
 * Loads seeds/units (the hierarchy before and after 1 July 2025, and its lineage) into an empty schema, and with the
 * demo profile synthetic villages under the five seed provinces' communes.
 */
export async function seedUnits(em: EntityManager, { log, demo }: SeedTools): Promise<void> {
  const started = Date.now();
  const units = JSON.parse(readFileSync(projectPath('seeds', 'units', 'units.json'), 'utf8')) as UnitSeed[];
  const lineage = JSON.parse(readFileSync(projectPath('seeds', 'units', 'lineage.json'), 'utf8')) as LineageSeed[];
  const paths = new Map<number, string>();
  const rows = units.map((u) => {
    const parentPath = u.parentId === null ? undefined : paths.get(u.parentId);
    if (u.parentId !== null && parentPath === undefined)
      throw new Error(`seeds/units: parent ${u.parentId} of ${u.id} comes later or is missing`);
    const path = parentPath ? `${parentPath}.${u.id}` : String(u.id);
    paths.set(u.id, path);
    return { ...u, path, name: u.name.normalize('NFC'), shortName: u.shortName.normalize('NFC') };
  });
  await em.transactional(async (tx) => {
    await tx.execute(
      `INSERT INTO units.unit (id, code, name, short_name, level, kind, parent_id, path, valid_from, valid_to)
       SELECT r.id, r.code, r.name, r."shortName", r.level, r.kind, r."parentId", r.path::public.ltree, r."validFrom", r."validTo"
       FROM jsonb_to_recordset(?::jsonb) AS r(id int, code text, name text, "shortName" text, level text, kind text, "parentId" int, path text, "validFrom" date, "validTo" date)`,
      [JSON.stringify(rows)],
    );
    await tx.execute(
      `INSERT INTO units.unit_lineage (successor_id, predecessor_id, share)
       SELECT r."successorId", r."predecessorId", r.share FROM jsonb_to_recordset(?::jsonb) AS r("successorId" int, "predecessorId" int, share text)`,
      [JSON.stringify(lineage)],
    );
    await seedPlaceholders(tx);
  });
  log.info({ units: rows.length, lineage: lineage.length, ms: Date.now() - started }, 'seeded administrative units');
  if (demo) log.info(await seedDemoVillages(em), 'seeded synthetic demo villages (five seed provinces)');
}

interface PlaceholderSeed {
  code: string;
  name: string;
  shortName: string;
  level: string;
  kind: string;
  parent: { code: string; name: string };
  validFrom: string | null;
  validTo: string | null;
  note: string;
  source: string;
}

/** Loads seeds/units/placeholders.yaml: each placeholder below its parent (read on its last valid day), ids from the API sequence. */
async function seedPlaceholders(em: EntityManager): Promise<void> {
  const placeholders = parse(readFileSync(projectPath('seeds', 'units', 'placeholders.yaml'), 'utf8')) as PlaceholderSeed[];
  for (const p of placeholders) {
    const asOf = p.validTo ?? '9999-12-31';
    const [parent] = await em.execute(
      `SELECT id, path::text AS path, name FROM units.unit WHERE code = ? AND NOT placeholder
      AND (valid_from IS NULL OR valid_from <= ?::date) AND (valid_to IS NULL OR valid_to >= ?::date) ORDER BY level LIMIT 1`,
      [p.parent.code, asOf, asOf],
    );
    if (!parent || parent.name !== p.parent.name)
      throw new Error(`seeds/units/placeholders.yaml ${p.code}: parent ${p.parent.code} is not "${p.parent.name}" on ${asOf}`);
    await em.execute(
      `WITH id AS (SELECT nextval('units.unit_api_id_seq')::int AS id)
      INSERT INTO units.unit (id, code, name, short_name, level, kind, parent_id, path, valid_from, valid_to, placeholder, note, source)
      SELECT id.id, ?, ?, ?, ?, ?, ?, (? || '.' || id.id)::public.ltree, ?::date, ?::date, true, ?, ? FROM id`,
      [
        p.code,
        p.name.normalize('NFC'),
        p.shortName.normalize('NFC'),
        p.level,
        p.kind,
        parent.id,
        parent.path,
        p.validFrom,
        p.validTo,
        p.note,
        p.source,
      ],
    );
  }
}
