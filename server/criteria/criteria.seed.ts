import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'yaml';
import { projectPath } from '../shared/project.js';
import { parseIsoDate } from '../shared/scalars.js';
import type { SeedTools } from '../shared/subgraph-module.js';
import { Comparator, CriteriaLevel, CriteriaRegion, CriteriaTier } from './criteria.enums.js';
import { DEMO_PROVINCES, generateDemoAssessments } from './demo-assessments.js';
import { generateDemoVillageRecords } from './demo-village-records.js';

/** One threshold, indicator, criterion and set as seeds/criteria/*.yaml hold them (see seeds/criteria/README.md). */
export interface ThresholdSeed {
  value: number;
  unitClass: string | null;
  region: CriteriaRegion | null;
  communeGroup: number | null;
  year: number | null;
  source: string | null;
}
export interface IndicatorSeed {
  code: string;
  nameVi: string;
  nameEn: string | null;
  unitOfMeasure: string | null;
  comparator: Comparator;
  source: string | null;
  thresholds: ThresholdSeed[];
}
export interface CriterionSeed {
  number: number;
  nameVi: string;
  nameEn: string | null;
  source: string | null;
  indicators: IndicatorSeed[];
}
export interface SetSeed {
  file: string;
  code: string;
  nameVi: string;
  nameEn: string | null;
  tier: CriteriaTier;
  appliesTo: CriteriaLevel;
  periodStart: string;
  periodEnd: string;
  owner: { code: string; level: string };
  legalBasis: { number: string | null; date: string | null; issuer: string | null; title: string | null } | null;
  synthetic: boolean;
  source: string | null;
  note: string | null;
  criteria: CriterionSeed[];
}

/**
 * A threshold, indicator, criterion and set as a seed file spells them, before `readSetSeed` checks and normalises
 * every field (a file may hold anything: each field is read as unchecked until then).
 */
interface ThresholdFile {
  value?: unknown;
  unitClass?: unknown;
  region?: unknown;
  communeGroup?: number | null;
  year?: number | null;
  source?: unknown;
}
interface IndicatorFile {
  code?: unknown;
  nameVi?: unknown;
  nameEn?: unknown;
  unitOfMeasure?: unknown;
  comparator?: unknown;
  source?: unknown;
  thresholds?: ThresholdFile[];
}
interface CriterionFile {
  number: number;
  nameVi?: unknown;
  nameEn?: unknown;
  source?: unknown;
  indicators?: IndicatorFile[];
}
interface SetFile {
  code?: unknown;
  nameVi?: unknown;
  nameEn?: unknown;
  tier?: unknown;
  appliesTo?: unknown;
  periodStart?: unknown;
  periodEnd?: unknown;
  owner?: { code?: unknown; level?: unknown };
  legalBasis?: { number?: unknown; date?: unknown; issuer?: unknown; title?: unknown } | null;
  synthetic?: unknown;
  source?: unknown;
  note?: unknown;
  criteria?: CriterionFile[];
}

/** Terrain values the seed files may name alone; units classify them under the TERRAIN scheme. */
const TERRAIN = new Set(['HIGH_MOUNTAIN', 'LOW_MOUNTAIN', 'LOWLAND']);

const nfc = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.normalize('NFC').trim() : null);

function oneOf<T extends string>(values: Record<string, T>, value: unknown, where: string): T {
  if (typeof value !== 'string' || !Object.values(values).includes(value as T))
    throw new Error(`${where}: "${value}" is not one of ${Object.values(values).join(', ')}`);
  return value as T;
}

function required(value: unknown, where: string): string {
  const text = nfc(value);
  if (!text) throw new Error(`${where}: required`);
  return text;
}

function date(value: unknown, where: string): string {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new Error(`${where}: "${value}" is not a YYYY-MM-DD date`);
  return parsed;
}

function readThreshold(raw: ThresholdFile, where: string): ThresholdSeed {
  if (typeof raw?.value !== 'number' || !Number.isFinite(raw.value)) throw new Error(`${where}.value: a number is required`);
  const unitClass = nfc(raw.unitClass);
  if (raw.communeGroup != null && ![1, 2, 3].includes(raw.communeGroup)) throw new Error(`${where}.communeGroup: 1, 2 or 3`);
  return {
    value: raw.value,
    unitClass: unitClass && TERRAIN.has(unitClass) ? `TERRAIN:${unitClass}` : unitClass,
    region: raw.region == null ? null : oneOf(CriteriaRegion, raw.region, `${where}.region`),
    communeGroup: raw.communeGroup ?? null,
    year: raw.year ?? null,
    source: nfc(raw.source),
  };
}

/** Reads and checks one set object; throws naming the file and the offending field. */
export function readSetSeed(value: unknown, file: string): SetSeed {
  const raw = value as SetFile;
  const where = `${file} ${raw?.code ?? '(no code)'}`;
  const criteria: CriterionSeed[] = (raw.criteria ?? []).map((c, i) => {
    const at = `${where} criteria[${i}]`;
    if (!Number.isInteger(c.number) || c.number < 1) throw new Error(`${at}.number: a positive integer is required`);
    return {
      number: c.number,
      nameVi: required(c.nameVi, `${at}.nameVi`),
      nameEn: nfc(c.nameEn),
      source: nfc(c.source),
      indicators: (c.indicators ?? []).map((ind, j) => {
        const atInd = `${at}.indicators[${j}]`;
        return {
          code: required(String(ind.code ?? ''), `${atInd}.code`),
          nameVi: required(ind.nameVi, `${atInd}.nameVi`),
          nameEn: nfc(ind.nameEn),
          unitOfMeasure: nfc(ind.unitOfMeasure),
          comparator: oneOf(Comparator, ind.comparator, `${atInd}.comparator`),
          source: nfc(ind.source),
          thresholds: (ind.thresholds ?? []).map((t, k) => readThreshold(t, `${atInd}.thresholds[${k}]`)),
        };
      }),
    };
  });
  const numbers = criteria.map((c) => c.number);
  if (new Set(numbers).size !== numbers.length) throw new Error(`${where}: criterion numbers repeat`);
  const codes = criteria.flatMap((c) => c.indicators.map((i) => i.code));
  if (new Set(codes).size !== codes.length) throw new Error(`${where}: indicator codes repeat`);
  const set: SetSeed = {
    file,
    code: required(raw.code, `${where}.code`),
    nameVi: required(raw.nameVi, `${where}.nameVi`),
    nameEn: nfc(raw.nameEn),
    tier: oneOf(CriteriaTier, raw.tier, `${where}.tier`),
    appliesTo: oneOf(CriteriaLevel, raw.appliesTo, `${where}.appliesTo`),
    periodStart: date(raw.periodStart, `${where}.periodStart`),
    periodEnd: date(raw.periodEnd, `${where}.periodEnd`),
    owner: { code: required(raw.owner?.code, `${where}.owner.code`), level: required(raw.owner?.level, `${where}.owner.level`) },
    legalBasis: raw.legalBasis
      ? {
          number: nfc(raw.legalBasis.number),
          date: raw.legalBasis.date ? date(raw.legalBasis.date, `${where}.legalBasis.date`) : null,
          issuer: nfc(raw.legalBasis.issuer),
          title: nfc(raw.legalBasis.title),
        }
      : null,
    synthetic: raw.synthetic === true,
    source: nfc(raw.source),
    note: nfc(raw.note),
    criteria,
  };
  if (set.periodStart > set.periodEnd) throw new Error(`${where}: periodStart is after periodEnd`);
  return set;
}

/** Every set in seeds/criteria/*.yaml (a file holds one set, or a `sets:` list), in file order. */
export function readCriteriaSeeds(dir = projectPath('seeds', 'criteria')): SetSeed[] {
  const sets = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const doc = parse(readFileSync(join(dir, file), 'utf8'));
      return (Array.isArray(doc?.sets) ? doc.sets : [doc]).map((raw: unknown) => readSetSeed(raw, file));
    });
  const codes = sets.map((s) => s.code);
  if (new Set(codes).size !== codes.length) throw new Error('seeds/criteria: set codes repeat');
  return sets;
}

/** Loads one set: owner resolved through the units subgraph (at the set's start), then criteria, indicators, thresholds. */
async function loadSet(em: EntityManager, set: SetSeed, tools: SeedTools): Promise<void> {
  const owner = await tools.units.findByCode(set.owner.code, set.periodStart);
  if (!owner || owner.level !== set.owner.level)
    throw new Error(`${set.file} ${set.code}: no ${set.owner.level} with code ${set.owner.code} on ${set.periodStart}`);
  const [{ id }] = await em.execute(
    `WITH n AS (SELECT nextval('criteria.criteria_set_id_seq') AS id)
     INSERT INTO criteria.criteria_set (id, root_id, code, name_vi, name_en, tier, applies_to, period_start, period_end,
       legal_number, legal_date, legal_issuer, legal_title, owner_unit_id, synthetic, source, note)
     SELECT n.id, n.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM n RETURNING id`,
    [
      set.code,
      set.nameVi,
      set.nameEn,
      set.tier,
      set.appliesTo,
      set.periodStart,
      set.periodEnd,
      set.legalBasis?.number ?? null,
      set.legalBasis?.date ?? null,
      set.legalBasis?.issuer ?? null,
      set.legalBasis?.title ?? null,
      owner.id,
      set.synthetic,
      set.source,
      set.note,
    ],
  );
  await em.execute(
    `INSERT INTO criteria.criterion (set_id, number, name_vi, name_en, source)
     SELECT ?, x.number, x."nameVi", x."nameEn", x.source FROM jsonb_to_recordset(?::jsonb) AS x(number int, "nameVi" text, "nameEn" text, source text)`,
    [id, JSON.stringify(set.criteria)],
  );
  const indicators = set.criteria.flatMap((c) => c.indicators.map((i) => ({ ...i, number: c.number })));
  await em.execute(
    `INSERT INTO criteria.indicator (criterion_id, set_id, code, name_vi, name_en, unit_of_measure, comparator, source)
     SELECT c.id, ?, x.code, x."nameVi", x."nameEn", x."unitOfMeasure", x.comparator, x.source
     FROM jsonb_to_recordset(?::jsonb) AS x(number int, code text, "nameVi" text, "nameEn" text, "unitOfMeasure" text, comparator text, source text)
     JOIN criteria.criterion c ON c.set_id = ? AND c.number = x.number`,
    [id, JSON.stringify(indicators), id],
  );
  const thresholds = indicators.flatMap((i) => i.thresholds.map((t) => ({ ...t, code: i.code })));
  await em.execute(
    `INSERT INTO criteria.threshold (indicator_id, set_id, owner_unit_id, value, unit_class, region, commune_group, year, source)
     SELECT i.id, ?, ?, x.value, x."unitClass", x.region, x."communeGroup", x.year, x.source
     FROM jsonb_to_recordset(?::jsonb) AS x(code text, value double precision, "unitClass" text, region text, "communeGroup" int, year int, source text)
     JOIN criteria.indicator i ON i.set_id = ? AND i.code = x.code`,
    [id, owner.id, JSON.stringify(thresholds), id],
  );
}

/**
 * Seeds the criteria sets of seeds/criteria, then — with the demo profile (`SeedTools.demo`;
 * seed loaders do not receive the config) — synthetic assessments for the communes of the five seed provinces, and
 * recognitions and assessments of their demo villages.
 */
export async function seedCriteria(em: EntityManager, tools: SeedTools): Promise<void> {
  const started = Date.now();
  const sets = readCriteriaSeeds();
  for (const set of sets) await loadSet(em, set, tools);
  tools.log.info({ sets: sets.length, ms: Date.now() - started }, 'seeded criteria sets');
  if (tools.demo) {
    const summary = await generateDemoAssessments(em, { units: tools.units, provinceCodes: DEMO_PROVINCES });
    tools.log.info(summary, 'seeded synthetic demo assessments (five seed provinces)');
    tools.log.info(
      await generateDemoVillageRecords(em, tools.units),
      'seeded synthetic village recognitions and assessments (five seed provinces)',
    );
  }
}
