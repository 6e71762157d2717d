/**
 * Reads the seed formats of seeds/plans/README.md (plan files) and seeds/metrics/metrics.yaml (metric catalogue)
 * into checked records. Every field of the format is written out in the files, so a missing field, an unknown
 * field, a wrong type or an unknown enum value is an error naming the file and the record.
 */
import { parseIsoDate } from '../shared/scalars.js';
import {
  CampaignStatus,
  Comparator,
  DenominatorBasis,
  IncrementBasis,
  MetricAggregation,
  MetricKind,
  MilestoneKind,
  Recurrence,
  ResponsibilityKind,
  SubjectType,
  SubMovementKind,
  TargetValueUnit,
  UnitClass,
  UnitStatus,
} from './campaigns.enums.js';

type Kind = 'string' | 'int' | 'number' | 'boolean' | 'date' | 'object' | 'list' | 'strings' | Record<string, string>;

/** A field of a record: its kind, whether it may be null, whether it may be left out. */
interface FieldSpec {
  kind: Kind;
  nullable?: boolean;
  optional?: boolean;
}

type Spec = Record<string, FieldSpec>;

const req = (kind: Kind): FieldSpec => ({ kind });
const nul = (kind: Kind): FieldSpec => ({ kind, nullable: true });
const opt = (kind: Kind, nullable = true): FieldSpec => ({ kind, optional: true, nullable });

/** An error in a seed file, located by file and record path. */
export class SeedFormatError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'SeedFormatError';
  }
}

function checkValue(value: unknown, kind: Kind): string | null {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? null : 'a string';
    case 'int':
      return Number.isInteger(value) ? null : 'an integer';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'date':
      return parseIsoDate(value) ? null : 'a date YYYY-MM-DD';
    case 'object':
      return value && typeof value === 'object' && !Array.isArray(value) ? null : 'a mapping';
    case 'list':
      return Array.isArray(value) ? null : 'a list';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'a list of strings';
    default:
      return typeof value === 'string' && value in kind ? null : `one of ${Object.keys(kind).join(', ')}`;
  }
}

/** Checks one record against its spec and returns it typed; `where` names it in errors ("003-khanh-hoa.yaml targets[4] (kh-…)"). */
export function readRecord<T>(raw: unknown, spec: Spec, where: string): T {
  if (checkValue(raw, 'object')) throw new SeedFormatError(where, 'expected a mapping');
  const record = raw as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(key in spec));
  if (unknown.length) throw new SeedFormatError(where, `unknown field(s) ${unknown.join(', ')}`);
  for (const [key, field] of Object.entries(spec)) {
    if (!(key in record)) {
      if (field.optional) continue;
      throw new SeedFormatError(where, `missing field "${key}" (every field is written out, null when empty)`);
    }
    const value = record[key];
    if (value === null) {
      if (field.nullable) continue;
      throw new SeedFormatError(where, `"${key}" must not be null`);
    }
    const expected = checkValue(value, field.kind);
    if (expected) throw new SeedFormatError(where, `"${key}" must be ${expected}, got ${JSON.stringify(value)}`);
  }
  return record as T;
}

/** Reads each item of a list field with its spec, naming it by index and key. */
export const readList = <T>(items: unknown, spec: Spec, where: string): T[] => {
  if (!Array.isArray(items)) throw new SeedFormatError(where, 'expected a list');
  return items.map((item, i) =>
    readRecord<T>(item, spec, `${where}[${i}]${(item as { key?: string })?.key ? ` (${(item as { key: string }).key})` : ''}`),
  );
};

const LEVEL = { NATION: 'NATION', PROVINCE: 'PROVINCE', DISTRICT: 'DISTRICT', COMMUNE: 'COMMUNE', VILLAGE: 'VILLAGE' };

export interface UnitCode {
  code: string;
  name: string;
}
export interface IssuerRecord {
  code: string | null;
  name: string;
  level: string;
  within?: UnitCode;
}
export interface TargetUnitRecord {
  code: string | null;
  name?: string;
  ref?: 'ISSUER';
}

export const SPECS = {
  file: {
    source: nul('string'),
    campaign: req('object'),
    plan: req('object'),
    targets: req('list'),
    milestones: req('list'),
    subjects: req('list'),
    subMovements: req('list'),
    responsibilities: req('list'),
    // Sections other subgraphs load (awards, criteria).
    awardForms: req('list'),
    awardStandards: req('list'),
    dossier: req('list'),
    villageCriteriaSets: req('list'),
    otherCriteriaSets: opt('list'),
  },
  campaign: {
    key: req('string'),
    parent: nul('string'),
    name: req('string'),
    nameEn: req('string'),
    slogan: req('string'),
    issuer: req('object'),
    periodStart: req('date'),
    periodEnd: req('date'),
    status: req(CampaignStatus),
    note: nul('string'),
    noteEn: opt('string', false),
    source: req('string'),
  },
  issuer: { code: nul('string'), name: req('string'), level: req(LEVEL), within: opt('object', false) },
  unitCode: { code: req('string'), name: req('string') },
  targetUnit: { code: nul('string'), name: opt('string', false), ref: opt({ ISSUER: 'ISSUER' }, false) },
  plan: {
    number: nul('string'),
    date: nul('date'),
    dateText: nul('string'),
    signer: nul('string'),
    signerTitle: nul('string'),
    issuingBody: req('string'),
    sourceFile: nul('string'),
    title: opt('string'),
    note: nul('string'),
    noteEn: opt('string', false),
    attachedTo: opt('object'),
    legalBases: req('list'),
    citedDocuments: req('list'),
    parentPlanRef: nul('object'),
    citedBy: opt('list', false),
  },
  document: {
    number: nul('string'),
    date: nul('date'),
    dateText: opt('string'),
    issuer: nul('string'),
    title: opt('string'),
    kind: opt('string'),
    note: opt('string'),
    source: req('string'),
  },
  citation: { file: nul('string'), quote: req('string'), source: req('string') },
  target: {
    key: req('string'),
    unit: req('object'),
    metric: req('string'),
    yearFrom: opt('int', false),
    year: nul('int'),
    comparator: req(Comparator),
    valueUnit: req(TargetValueUnit),
    value: nul('number'),
    valueMin: opt('number', false),
    valueMax: opt('number', false),
    numerator: nul('int'),
    denominator: nul('int'),
    denominatorBasis: nul(DenominatorBasis),
    basisNote: opt('string', false),
    datasetCount: opt('int', false),
    unitClass: nul(UnitClass),
    isIncrement: req('boolean'),
    incrementOver: opt(IncrementBasis, false),
    status: nul(UnitStatus),
    quote: req('string'),
    note: nul('string'),
    noteEn: opt('string', false),
    source: req('string'),
  },
  milestone: {
    kind: req(MilestoneKind),
    year: nul('int'),
    deadline: nul('string'),
    recurrence: req(Recurrence),
    description: req('string'),
    source: req('string'),
  },
  subject: { type: req(SubjectType), label: req('string'), criteriaText: nul('string'), note: opt('string'), source: req('string') },
  subMovement: { name: req('string'), kind: req(SubMovementKind), note: nul('string'), source: req('string') },
  responsibility: {
    kind: req(ResponsibilityKind),
    actor: req('string'),
    recipient: nul('string'),
    recurrence: nul(Recurrence),
    deadlineText: nul('string'),
    quote: req('string'),
    note: nul('string'),
    noteEn: opt('string', false),
    source: req('string'),
  },
  metric: {
    code: req('string'),
    nameVi: req('string'),
    nameEn: req('string'),
    unitOfMeasure: nul('string'),
    kind: req(MetricKind),
    aggregation: req(MetricAggregation),
    weightedBy: opt('string'),
    computable: req('boolean'),
    appliesTo: req('string'),
    reportedAt: req('strings'),
    note: opt('string'),
  },
} satisfies Record<string, Spec>;

/** A milestone deadline as the format writes it: a date for a one-off, "--MM-DD" for a recurring day-month. */
export function readDeadline(
  value: string | null,
  where: string,
): { deadline: string | null; deadlineDay: number | null; deadlineMonth: number | null } {
  if (value === null) return { deadline: null, deadlineDay: null, deadlineMonth: null };
  const dayMonth = /^--(\d{2})-(\d{2})$/.exec(value);
  if (dayMonth) return { deadline: null, deadlineMonth: Number(dayMonth[1]), deadlineDay: Number(dayMonth[2]) };
  if (parseIsoDate(value)) return { deadline: value, deadlineDay: null, deadlineMonth: null };
  throw new SeedFormatError(where, `"deadline" must be YYYY-MM-DD or --MM-DD, got ${JSON.stringify(value)}`);
}

/** Compares unit names the way people write them: without accents, case or the "hòa"/"hoà" tone placement. */
export const sameName = (a: string, b: string): boolean => {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
};
