import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { readdirSync, readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'yaml';
import { projectPath } from '../shared/project.js';
import type { SeedTools } from '../shared/subgraph-module.js';
import { isWithin, type UnitDirectory } from '../shared/unit-directory.js';
import type { Campaign } from './campaign.entity.js';
import { seedNote } from '../shared/errors.js';
import { CampaignService, type CampaignData, type ResponsibilityData, type SubjectData } from './campaign.service.js';
import type { CreateMilestoneInput } from './milestone.input.js';
import type { CreateMetricInput } from './metric.input.js';
import { MetricService } from './metric.service.js';
import { MilestoneService } from './milestone.service.js';
import {
  readDeadline,
  readList,
  readRecord,
  sameName,
  SeedFormatError,
  SPECS,
  type IssuerRecord,
  type TargetUnitRecord,
  type UnitCode,
} from './plan-file.js';
import type { SubMovementInput } from './campaign.input.js';
import type { DocumentReferenceInput, PlanCitationInput, PlanDocumentInput } from './plan-document.input.js';
import { TargetService, type TargetData } from './target.service.js';

const PLANS_DIR = projectPath('seeds', 'plans');
const METRICS_FILE = projectPath('seeds', 'metrics', 'metrics.yaml');

interface PlanFile {
  file: string;
  doc: Record<string, unknown>;
  campaign: Omit<CampaignData, 'issuerCode' | 'parentId' | 'plan' | 'subMovements'> & {
    key: string;
    parent: string | null;
    issuer: IssuerRecord;
    noteEn?: string;
  };
}

type TargetRecord = Omit<TargetData, 'campaignId' | 'unitCode' | 'unitAsOf'> & { key: string; unit: TargetUnitRecord; noteEn?: string };
type MilestoneRecord = Omit<CreateMilestoneInput, 'campaignId' | 'deadline'> & { deadline: string | null };

/** Runs one step of loading a record; any failure is reported with the file and the record. */
async function located<T>(where: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof SeedFormatError) throw error;
    throw new SeedFormatError(where, (error as Error).message);
  }
}

function readPlanFiles(): PlanFile[] {
  return readdirSync(PLANS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const doc = readRecord<Record<string, unknown>>(
        parse(readFileSync(`${PLANS_DIR}/${file}`, 'utf8')),
        SPECS.file,
        `seeds/plans/${file}`,
      );
      return { file, doc, campaign: readRecord<PlanFile['campaign']>(doc.campaign, SPECS.campaign, `seeds/plans/${file} campaign`) };
    });
}

/** Parents before children: the root (parent null) first, then each file once its parent's key is loaded. */
function byParent(files: PlanFile[]): PlanFile[] {
  const ordered: PlanFile[] = [];
  const placed = new Set<string>();
  let pending = files;
  while (pending.length) {
    const ready = pending.filter((f) => f.campaign.parent === null || placed.has(f.campaign.parent));
    if (!ready.length) {
      throw new SeedFormatError(
        pending.map((f) => `seeds/plans/${f.file}`).join(', '),
        `campaign.parent names no loaded campaign (${pending.map((f) => f.campaign.parent).join(', ')})`,
      );
    }
    for (const f of ready) {
      if (placed.has(f.campaign.key))
        throw new SeedFormatError(`seeds/plans/${f.file} campaign`, `key "${f.campaign.key}" is used by another file`);
      placed.add(f.campaign.key);
    }
    ordered.push(...ready);
    pending = pending.filter((f) => !ready.includes(f));
  }
  return ordered;
}

/** The unit a `{ code, name }` names on `asOf`, checked against the name the file gives. */
async function unitNamed(units: UnitDirectory, ref: UnitCode, asOf: string, where: string) {
  const unit = await units.requireByCode(ref.code, asOf);
  if (!sameName(unit.name, ref.name))
    throw new SeedFormatError(where, `code ${ref.code} is "${unit.name}" on ${asOf}, the file says "${ref.name}"`);
  return unit;
}

/**
 * The issuer as the campaign service takes it. An issuer the document does not name (001) has `code: null`: the
 * campaign is issued by the placeholder unit of its level that the units seeds hold within `within`
 * (seeds/units/placeholders.yaml) — never by the enclosing unit itself — flagged unidentified, with the file's
 * description kept.
 */
async function readIssuer(units: UnitDirectory, raw: unknown, asOf: string, where: string) {
  const issuer = readRecord<IssuerRecord>(raw, SPECS.issuer, where);
  const within = issuer.within ? readRecord<UnitCode>(issuer.within, SPECS.unitCode, `${where}.within`) : null;
  const withinUnit = within ? await unitNamed(units, within, asOf, `${where}.within`) : null;
  if (issuer.code === null) {
    if (!withinUnit) throw new SeedFormatError(where, 'an issuer without a code needs "within", the enclosing unit');
    const placeholders = (await units.placeholdersWithin(withinUnit.code, asOf)).filter((u) => u.level === issuer.level);
    if (placeholders.length !== 1) {
      throw new SeedFormatError(
        where,
        `an unnamed ${issuer.level} needs exactly one placeholder ${issuer.level} within ${withinUnit.name} in seeds/units/placeholders.yaml, found ${placeholders.length}`,
      );
    }
    return { issuerCode: placeholders[0].code, issuerUnidentified: true, issuerNote: issuer.name };
  }
  const unit = await unitNamed(units, { code: issuer.code, name: issuer.name }, asOf, where);
  if (unit.level !== issuer.level)
    throw new SeedFormatError(where, `unit ${issuer.code} is a ${unit.level}, the file says ${issuer.level}`);
  if (withinUnit && !isWithin(unit, withinUnit))
    throw new SeedFormatError(where, `unit ${issuer.code} does not lie within ${withinUnit.name}`);
  return { issuerCode: unit.code, issuerUnidentified: false, issuerNote: null };
}

function readPlan(raw: unknown, where: string): PlanDocumentInput {
  const plan = seedNote(readRecord<PlanDocumentInput & { noteEn?: string }>(raw, SPECS.plan, where), where);
  const reference = (value: unknown, path: string) =>
    value ? readRecord<DocumentReferenceInput>(value, SPECS.document, `${where}.${path}`) : null;
  return {
    ...plan,
    legalBases: readList<DocumentReferenceInput>(plan.legalBases, SPECS.document, `${where}.legalBases`),
    citedDocuments: readList<DocumentReferenceInput>(plan.citedDocuments, SPECS.document, `${where}.citedDocuments`),
    parentPlanRef: reference(plan.parentPlanRef, 'parentPlanRef'),
    attachedTo: reference(plan.attachedTo, 'attachedTo'),
    citedBy: plan.citedBy ? readList<PlanCitationInput>(plan.citedBy, SPECS.citation, `${where}.citedBy`) : [],
  };
}

async function loadPlan(ctx: SubgraphContext, { file, doc, campaign: record }: PlanFile, keys: Map<string, Campaign>): Promise<number> {
  const { units } = ctx;
  const at = (path: string) => `seeds/plans/${file} ${path}`;
  const plan = readPlan(doc.plan, at('plan'));
  // Codes are read on the plan's date, or at the start of its period when the document gives no date.
  const asOf = plan.date ?? record.periodStart;
  const { key, parent, issuer: _issuer, ...fields } = seedNote(record, at('campaign'));
  const campaign = await located(at('campaign'), async () =>
    new CampaignService(ctx).create({
      ...fields,
      key,
      ...(await readIssuer(units, record.issuer, asOf, at('campaign.issuer'))),
      asOf,
      parentId: parent === null ? null : String(keys.get(parent)!.id),
      plan,
      subMovements: readList<SubMovementInput>(doc.subMovements, SPECS.subMovement, at('subMovements')),
    }),
  );
  keys.set(key, campaign);

  const targets = new TargetService(ctx);
  const records = readList<TargetRecord>(doc.targets, SPECS.target, at('targets'));
  for (const [i, { unit: rawUnit, ...target }] of records.entries()) {
    const where = at(`targets[${i}] (${target.key})`);
    const unit = readRecord<TargetUnitRecord>(rawUnit, SPECS.targetUnit, `${where}.unit`);
    if (unit.code === null && unit.ref !== 'ISSUER')
      throw new SeedFormatError(`${where}.unit`, 'a unit without a code must be { code: null, ref: ISSUER }');
    if (unit.code !== null)
      await located(`${where}.unit`, () => unitNamed(units, { code: unit.code!, name: unit.name ?? '' }, asOf, `${where}.unit`));
    const noted = seedNote(target, where);
    await located(where, () =>
      targets.create({ ...noted, campaignId: String(campaign.id), unitCode: unit.code ?? campaign.issuerCode, unitAsOf: asOf }),
    );
  }

  const milestones = new MilestoneService(ctx);
  for (const [i, { deadline, ...milestone }] of readList<MilestoneRecord>(doc.milestones, SPECS.milestone, at('milestones')).entries()) {
    const where = at(`milestones[${i}]`);
    await located(where, () => milestones.create({ ...milestone, ...readDeadline(deadline, where), campaignId: String(campaign.id) }));
  }
  await located(at('subjects'), () =>
    new CampaignService(ctx).addSubjects(campaign, readList<SubjectData>(doc.subjects, SPECS.subject, at('subjects'))),
  );
  const responsibilities = readList<ResponsibilityData & { noteEn?: string }>(
    doc.responsibilities,
    SPECS.responsibility,
    at('responsibilities'),
  ).map((record, i) => seedNote(record, at(`responsibilities[${i}]`)));
  await located(at('responsibilities'), () => new CampaignService(ctx).addResponsibilities(campaign, responsibilities));
  return records.length;
}

/** Loads seeds/metrics/metrics.yaml, then every plan of seeds/plans (parents first) with its targets, milestones and subjects. */
export async function seedCampaigns(em: EntityManager, { log, system }: SeedTools): Promise<void> {
  const ctx = inTransaction(system, em);
  const started = Date.now();
  const metrics = new MetricService(ctx);
  const catalogue = readList<CreateMetricInput>(parse(readFileSync(METRICS_FILE, 'utf8')), SPECS.metric, 'seeds/metrics/metrics.yaml');
  for (const [i, metric] of catalogue.entries())
    await located(`seeds/metrics/metrics.yaml [${i}] (${metric.code})`, () => metrics.create(metric));
  const keys = new Map<string, Campaign>();
  let targets = 0;
  for (const file of byParent(readPlanFiles())) targets += await loadPlan(ctx, file, keys);
  log.info({ metrics: catalogue.length, campaigns: keys.size, targets, ms: Date.now() - started }, 'seeded campaigns');
}
