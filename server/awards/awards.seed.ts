import { readdirSync, readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'yaml';
import { inTransaction } from '../shared/context.js';
import { seedNote } from '../shared/errors.js';
import { projectPath } from '../shared/project.js';
import type { SeedTools } from '../shared/subgraph-module.js';
import { AwardForm, CampaignAwardForm, DossierRequirement } from './award-form.entity.js';
import { campaignIdsByKey, campaignInfo } from './awards.peers.js';
import { AwardStandard } from './award-standard.entity.js';
import { AwardAuthority, AwardOccasion, AwardSubjectType, DossierItemKind, StandardBasis } from './awards.enums.js';
import { parseRule, RuleError } from './rule.js';

const FORMS_FILE = projectPath('seeds', 'awards', 'forms.yaml');
const PLANS_DIR = projectPath('seeds', 'plans');

/** A fault in an awards seed, naming the file and record. */
class AwardSeedError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'AwardSeedError';
  }
}

/** A record of seeds/awards/forms.yaml (its fields checked by `check`). */
type FormSeed = Pick<AwardForm, 'code' | 'rank' | 'authority' | 'nameVi' | 'nameEn' | 'classes' | 'source' | 'note'>;

/** A plan file of seeds/plans, the sections awards reads (each record's fields checked by `check`). */
interface PlanSeed {
  campaign: { key: string };
  awardForms: (Pick<CampaignAwardForm, 'asStated' | 'note' | 'source'> & { form: string })[];
  dossier: Pick<DossierRequirement, 'item' | 'label' | 'occasions' | 'template' | 'note' | 'source'>[];
  awardStandards: (Pick<
    AwardStandard,
    'key' | 'subjectType' | 'subjectLabel' | 'basis' | 'occasion' | 'year' | 'quota' | 'criteriaText' | 'source'
  > & { form: string | null; rule: unknown; note: string | null; noteEn?: string | null })[];
}

/** Checks that a record has exactly these fields (every field is written out in the seeds) and enum values are known. */
function check(value: unknown, where: string, fields: string[], enums: Record<string, readonly string[]> = {}): void {
  if (!value || typeof value !== 'object') throw new AwardSeedError(where, 'expected a mapping');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const missing = fields.filter((f) => !keys.includes(f));
  const unknown = keys.filter((k) => !fields.includes(k));
  if (missing.length) throw new AwardSeedError(where, `missing field(s) ${missing.join(', ')}`);
  if (unknown.length) throw new AwardSeedError(where, `unknown field(s) ${unknown.join(', ')}`);
  for (const [field, allowed] of Object.entries(enums)) {
    if (record[field] !== null && !(allowed as readonly unknown[]).includes(record[field]))
      throw new AwardSeedError(where, `"${field}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(record[field])}`);
  }
}

/** A standard's rule, parsed and checked (null: judged by the council); a fault names the record. */
function seedRule(raw: unknown, where: string) {
  try {
    return raw === null ? null : parseRule(raw);
  } catch (error) {
    if (error instanceof RuleError) throw new AwardSeedError(where, error.message);
    throw error;
  }
}

const STANDARD_FIELDS = [
  'key',
  'subjectType',
  'subjectLabel',
  'basis',
  'occasion',
  'year',
  'form',
  'quota',
  'criteriaText',
  'rule',
  'note',
  'source',
];

/** Loads seeds/awards/forms.yaml, then the awardForms, awardStandards and dossier sections of every plan in seeds/plans. */
export async function seedAwards(em: EntityManager, { log, system }: SeedTools): Promise<void> {
  const started = Date.now();
  const forms = parse(readFileSync(FORMS_FILE, 'utf8')) as FormSeed[];
  for (const [i, form] of forms.entries()) {
    check(
      form,
      `seeds/awards/forms.yaml [${i}]`,
      ['code', 'rank', 'authority', 'nameVi', 'nameEn', 'classes', 'source', ...('note' in form ? ['note'] : [])],
      { authority: Object.values(AwardAuthority) },
    );
    em.create(AwardForm, {
      code: form.code,
      rank: form.rank,
      authority: form.authority,
      nameVi: form.nameVi,
      nameEn: form.nameEn,
      classes: form.classes,
      source: form.source,
      note: form.note ?? null,
    });
  }
  await em.flush();
  const codes = new Set(forms.map((f) => f.code));

  const ctx = inTransaction(system, em);
  const campaignIds = await campaignIdsByKey(ctx);
  let standards = 0;
  for (const file of readdirSync(PLANS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const at = (path: string) => `seeds/plans/${file} ${path}`;
    const doc = parse(readFileSync(`${PLANS_DIR}/${file}`, 'utf8')) as PlanSeed;
    const campaignId = campaignIds.get(doc.campaign.key);
    if (!campaignId) throw new AwardSeedError(at('campaign'), `campaign "${doc.campaign.key}" is not loaded`);
    const campaign = await campaignInfo(ctx, campaignId);
    const base = { campaignId, issuerUnitId: campaign.issuer.id };
    for (const [i, form] of doc.awardForms.entries()) {
      check(form, at(`awardForms[${i}]`), ['form', 'asStated', 'note', 'source']);
      if (!codes.has(form.form)) throw new AwardSeedError(at(`awardForms[${i}]`), `form "${form.form}" is not in seeds/awards/forms.yaml`);
      em.create(CampaignAwardForm, { ...base, formCode: form.form, asStated: form.asStated, note: form.note, source: form.source });
    }
    for (const [i, item] of doc.dossier.entries()) {
      check(item, at(`dossier[${i}]`), ['item', 'label', 'occasions', 'template', 'note', 'source'], {
        item: Object.values(DossierItemKind),
      });
      em.create(DossierRequirement, {
        ...base,
        item: item.item,
        label: item.label,
        occasions: item.occasions,
        template: item.template,
        note: item.note,
        source: item.source,
      });
    }
    for (const [i, record] of doc.awardStandards.entries()) {
      const where = at(`awardStandards[${i}] (${record?.key})`);
      check(record, where, [...STANDARD_FIELDS, ...('noteEn' in record ? ['noteEn'] : [])], {
        subjectType: Object.values(AwardSubjectType),
        basis: Object.values(StandardBasis),
        occasion: Object.values(AwardOccasion),
      });
      if (record.form !== null && !codes.has(record.form))
        throw new AwardSeedError(where, `form "${record.form}" is not in seeds/awards/forms.yaml`);
      const rule = seedRule(record.rule, where);
      em.create(AwardStandard, {
        ...base,
        key: record.key,
        subjectType: record.subjectType,
        subjectLabel: record.subjectLabel,
        basis: record.basis,
        occasion: record.occasion,
        year: record.year,
        formCode: record.form,
        quota: record.quota,
        criteriaText: record.criteriaText,
        rule,
        deadline: null,
        note: seedNote(record, where).note,
        source: record.source,
        version: 1,
      } as never);
      standards++;
    }
    await em.flush();
  }
  log.info({ forms: forms.length, standards, ms: Date.now() - started }, 'seeded awards');
}
