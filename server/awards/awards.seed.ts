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

/** Checks that a record has exactly these fields (every field is written out in the seeds) and enum values are known. */
function check(record: any, where: string, fields: string[], enums: Record<string, readonly string[]> = {}): void {
  if (!record || typeof record !== 'object') throw new AwardSeedError(where, 'expected a mapping');
  const keys = Object.keys(record);
  const missing = fields.filter((f) => !keys.includes(f));
  const unknown = keys.filter((k) => !fields.includes(k));
  if (missing.length) throw new AwardSeedError(where, `missing field(s) ${missing.join(', ')}`);
  if (unknown.length) throw new AwardSeedError(where, `unknown field(s) ${unknown.join(', ')}`);
  for (const [field, allowed] of Object.entries(enums)) {
    if (record[field] !== null && !allowed.includes(record[field])) throw new AwardSeedError(where, `"${field}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(record[field])}`);
  }
}

const STANDARD_FIELDS = ['key', 'subjectType', 'subjectLabel', 'basis', 'occasion', 'year', 'form', 'quota', 'criteriaText', 'rule', 'note', 'source'];

/** Loads seeds/awards/forms.yaml, then the awardForms, awardStandards and dossier sections of every plan in seeds/plans. */
export async function seedAwards(em: EntityManager, { log, units, system }: SeedTools): Promise<void> {
  const started = Date.now();
  const forms = parse(readFileSync(FORMS_FILE, 'utf8')) as any[];
  for (const [i, form] of forms.entries()) {
    check(form, `seeds/awards/forms.yaml [${i}]`, ['code', 'rank', 'authority', 'nameVi', 'nameEn', 'classes', 'source', ...('note' in form ? ['note'] : [])], { authority: Object.values(AwardAuthority) });
    em.create(AwardForm, { code: form.code, rank: form.rank, authority: form.authority, nameVi: form.nameVi, nameEn: form.nameEn, classes: form.classes, source: form.source, note: form.note ?? null });
  }
  await em.flush();
  const codes = new Set(forms.map((f) => f.code as string));

  const ctx = inTransaction(system, em);
  const campaignIds = await campaignIdsByKey(ctx);
  let standards = 0;
  for (const file of readdirSync(PLANS_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const at = (path: string) => `seeds/plans/${file} ${path}`;
    const doc = parse(readFileSync(`${PLANS_DIR}/${file}`, 'utf8'));
    const campaignId = campaignIds.get(doc.campaign.key);
    if (!campaignId) throw new AwardSeedError(at('campaign'), `campaign "${doc.campaign.key}" is not loaded`);
    const campaign = await campaignInfo(ctx, campaignId);
    const base = { campaignId, issuerUnitId: campaign.issuer.id };
    for (const [i, form] of (doc.awardForms as any[]).entries()) {
      check(form, at(`awardForms[${i}]`), ['form', 'asStated', 'note', 'source']);
      if (!codes.has(form.form)) throw new AwardSeedError(at(`awardForms[${i}]`), `form "${form.form}" is not in seeds/awards/forms.yaml`);
      em.create(CampaignAwardForm, { ...base, formCode: form.form, asStated: form.asStated, note: form.note, source: form.source });
    }
    for (const [i, item] of (doc.dossier as any[]).entries()) {
      check(item, at(`dossier[${i}]`), ['item', 'label', 'occasions', 'template', 'note', 'source'], { item: Object.values(DossierItemKind) });
      em.create(DossierRequirement, { ...base, item: item.item, label: item.label, occasions: item.occasions, template: item.template, note: item.note, source: item.source });
    }
    for (const [i, record] of (doc.awardStandards as any[]).entries()) {
      const where = at(`awardStandards[${i}] (${record?.key})`);
      check(record, where, [...STANDARD_FIELDS, ...('noteEn' in record ? ['noteEn'] : [])], { subjectType: Object.values(AwardSubjectType), basis: Object.values(StandardBasis), occasion: Object.values(AwardOccasion) });
      if (record.form !== null && !codes.has(record.form)) throw new AwardSeedError(where, `form "${record.form}" is not in seeds/awards/forms.yaml`);
      let rule = null;
      try {
        rule = record.rule === null ? null : parseRule(record.rule);
      } catch (error) {
        if (error instanceof RuleError) throw new AwardSeedError(where, error.message);
        throw error;
      }
      em.create(AwardStandard, {
        ...base, key: record.key, subjectType: record.subjectType, subjectLabel: record.subjectLabel, basis: record.basis, occasion: record.occasion, year: record.year,
        formCode: record.form, quota: record.quota, criteriaText: record.criteriaText, rule, deadline: null, note: seedNote(record, where).note, source: record.source, version: 1,
      } as never);
      standards++;
    }
    await em.flush();
  }
  log.info({ forms: forms.length, standards, ms: Date.now() - started }, 'seeded awards');
}
