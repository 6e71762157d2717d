/**
 * What the awards subgraph reads from the others, only through their public GraphQL APIs: campaigns (period, issuer,
 * milestones), criteria (assessments with newly met criteria, recognition decisions, criterion names) and units
 * (classifications in force on a date). Batched: one call per kind of fact and page of 500 units.
 */
import { notFound } from '../shared/errors.js';
import type { SubgraphContext } from '../shared/context.js';
import { allPages, batches, PEER_PAGE, peerData, type PeerPage } from '../shared/peers.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { referenceDate } from '../shared/domain/calendar.js';
import type { CriterionRef, TargetFact } from './rule-evaluation.js';

/** The criteria set whose numbering the rule vocabulary uses (Decision 318/QĐ-TTg). */
export const COMMUNE_SET_CODE = 'COMMUNE-NTM-2021-2025';
export interface MilestoneInfo {
  kind: string;
  year: number | null;
  deadline: string | null;
  deadlineDay: number | null;
  deadlineMonth: number | null;
}

/** A campaign as awards needs it: period, issuing unit, milestones. */
export interface CampaignInfo {
  id: number;
  key: string | null;
  periodStart: string;
  periodEnd: string;
  issuer: UnitInfo;
  milestones: MilestoneInfo[];
}

export async function campaignInfo(ctx: SubgraphContext, id: number): Promise<CampaignInfo> {
  const data = await peerData<{ campaign: (Omit<CampaignInfo, 'id' | 'issuer'> & { id: string; issuer: { id: string } }) | null }>(
    ctx.peers,
    'campaigns',
    `query($id: ID!) { campaign(id: $id) { id key periodStart periodEnd issuer { id }
    milestones { kind year deadline deadlineDay deadlineMonth } } }`,
    { id: String(id) },
  );
  const campaign = data?.campaign;
  if (!campaign) throw notFound(`Không có phong trào ${id}`, `No campaign ${id}`);
  const issuer = await ctx.units.byId(Number(campaign.issuer.id));
  if (!issuer) throw notFound(`Không tìm thấy đơn vị ban hành phong trào ${id}`, `The issuer of campaign ${id} is unknown`);
  return {
    id: Number(campaign.id),
    key: campaign.key,
    periodStart: campaign.periodStart,
    periodEnd: campaign.periodEnd,
    issuer,
    milestones: campaign.milestones,
  };
}

/** Campaign ids by seed key. */
export async function campaignIdsByKey(ctx: Pick<SubgraphContext, 'peers'>): Promise<Map<string, number>> {
  const data = await peerData<{ campaigns: { nodes: { id: string; key: string | null }[] } }>(
    ctx.peers,
    'campaigns',
    '{ campaigns(limit: 500) { nodes { id key } } }',
    {},
  );
  return new Map(data.campaigns.nodes.flatMap((c) => (c.key ? [[c.key, Number(c.id)] as const] : [])));
}

/** Id of the 2021–2025 commune criteria set and its criteria names by number. */
export async function communeCriteria(ctx: SubgraphContext): Promise<{ setId: string; names: Map<number, string> }> {
  const data = await peerData<{ criteriaSets: { nodes: { id: string; criteria: { number: number; name: string }[] }[] } }>(
    ctx.peers,
    'criteria',
    `query($c: String) { criteriaSets(filter: { code: $c }, limit: 1) { nodes { id criteria { number name } } } }`,
    { c: COMMUNE_SET_CODE },
  );
  const set = data.criteriaSets.nodes[0];
  if (!set) throw new Error(`criteria subgraph: no set ${COMMUNE_SET_CODE}`);
  return { setId: set.id, names: new Map(set.criteria.map((c) => [c.number, c.name])) };
}

/**
 * For each unit with an assessment in `year`: base year → criteria newly met since it (null when the base year has
 * no assessment). Units without an assessment in `year` are absent.
 */
export async function newlyMetCriteria(
  ctx: SubgraphContext,
  setId: string,
  year: number,
  unitIds: readonly number[],
  baseYears: readonly number[],
): Promise<Map<number, Map<number, CriterionRef[] | null>>> {
  const found = new Map<number, Map<number, CriterionRef[] | null>>();
  if (!unitIds.length) return found;
  const years = baseYears.map((y) => Math.trunc(y));
  const fields = years.map((y) => `since${y}: newlyMetSince(baseYear: ${y}) { number name }`).join(' ');
  for (const ids of batches(unitIds)) {
    const data = await peerData<{ assessments: { nodes: ({ unit: { id: string } } & Record<`since${number}`, CriterionRef[] | null>)[] } }>(
      ctx.peers,
      'criteria',
      `query($f: AssessmentFilter, $l: Int) { assessments(filter: $f, limit: $l) { nodes { unit { id } ${fields} } } }`,
      { f: { criteriaSetId: setId, year, unitIds: ids.map(String) }, l: PEER_PAGE },
    );
    for (const node of data.assessments.nodes) {
      found.set(Number(node.unit.id), new Map(years.map((y) => [y, node[`since${y}`] ?? null])));
    }
  }
  return found;
}

export interface RecognitionInfo {
  unitId: number;
  tier: string;
  decidedOn: string;
  revokedOn: string | null;
}
/** A recognition decision as `recognitions` selects it. */
type RecognitionNode = Omit<RecognitionInfo, 'unitId'> & { unit: { id: string } };

/** Recognition decisions that count in `year` for these units (decided by its end, not revoked by then). */
export async function recognitions(ctx: SubgraphContext, year: number, unitIds: readonly number[]): Promise<RecognitionInfo[]> {
  const found: RecognitionInfo[] = [];
  for (const ids of batches(unitIds)) {
    const nodes = await allPages<RecognitionNode>(
      async (offset, limit) =>
        (
          await peerData<{ recognitionDecisions: PeerPage<RecognitionNode> }>(
            ctx.peers,
            'criteria',
            `query($f: RecognitionFilter, $o: Int, $l: Int) {
      recognitionDecisions(filter: $f, offset: $o, limit: $l) { totalCount nodes { tier decidedOn revokedOn unit { id } } } }`,
            { f: { unitIds: ids.map(String), validInYear: year }, o: offset, l: limit },
          )
        ).recognitionDecisions,
    );
    found.push(...nodes.map((n) => ({ unitId: Number(n.unit.id), tier: n.tier, decidedOn: n.decidedOn, revokedOn: n.revokedOn })));
  }
  return found;
}

/** Classification codes in force on `asOf` for each unit. */
export async function classificationsOn(ctx: SubgraphContext, unitIds: readonly number[], asOf: string): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  for (const ids of batches([...new Set(unitIds)])) {
    const data = await peerData<{ unitsByIds: ({ id: string; classifications: { code: string }[] } | null)[] }>(
      ctx.peers,
      'units',
      `query($ids: [ID!]!, $d: Date) { unitsByIds(ids: $ids) { id classifications(asOf: $d) { code } } }`,
      { ids: ids.map(String), d: asOf },
    );
    for (const unit of data.unitsByIds)
      if (unit)
        found.set(
          Number(unit.id),
          unit.classifications.map((c) => c.code),
        );
  }
  return found;
}

/** Ids of the units of a level in the subtree of `ancestorCode`, valid on `asOf`. */
export const subtreeUnitIds = (ctx: SubgraphContext, ancestorCode: string, asOf: string, level: UnitInfo['level']) =>
  ctx.units.subtreeIds(ancestorCode, asOf, level);

/** The comparison as `targetAttainment` selects it. */
interface CompareAnswer {
  compare: {
    metrics: { code: string; name: string; nameEn: string }[];
    rows: ({ unit: { id: string }; metric: string; targetId: string | null } & Pick<TargetFact, 'target' | 'onTrack'> & {
        targetComparator: TargetFact['comparator'];
        targetUnit: TargetFact['unit'];
        targetActual: TargetFact['actual'];
      })[];
  };
}

/**
 * For each unit: how it fares against this campaign's target for each metric in `year`, from the insights subgraph's
 * comparison (units read on 30 June of the year). A target of another campaign (the unit's own plan) does not count:
 * the rule asks for "this plan's" target.
 */
export async function targetAttainment(
  ctx: SubgraphContext,
  campaignId: number,
  units: readonly UnitInfo[],
  year: number,
  metrics: readonly string[],
): Promise<Map<number, Map<string, TargetFact>>> {
  const found = new Map<number, Map<string, TargetFact>>(units.map((u) => [u.id, new Map()]));
  const own = await peerData<{ campaign: { targets: { id: string }[] } }>(
    ctx.peers,
    'campaigns',
    'query($id: ID!) { campaign(id: $id) { targets { id } } }',
    { id: String(campaignId) },
  );
  const planTargets = new Set<string>(own.campaign.targets.map((t) => t.id));
  for (const batch of batches(units)) {
    const data = await peerData<CompareAnswer>(
      ctx.peers,
      'insights',
      `query($i: CompareInput!) { compare(input: $i) { metrics { code name nameEn } rows { unit { id } metric targetId target targetComparator targetUnit targetActual onTrack } } }`,
      { i: { unitCodes: [...new Set(batch.map((u) => u.code))], asOf: referenceDate(year), year, metrics } },
    );
    const metricNames = new Map<string, { vi: string; en: string }>(
      data.compare.metrics.map((m) => [m.code, { vi: m.name, en: m.nameEn }]),
    );
    for (const row of data.compare.rows) {
      const metricName = metricNames.get(row.metric);
      const ofPlan = row.targetId !== null && planTargets.has(String(row.targetId));
      found.get(Number(row.unit.id))?.set(
        row.metric,
        ofPlan
          ? {
              target: row.target,
              comparator: row.targetComparator,
              actual: row.targetActual,
              onTrack: row.onTrack,
              unit: row.targetUnit,
              metricName,
            }
          : { target: null, comparator: null, actual: null, onTrack: null, unit: null, metricName },
      );
    }
  }
  return found;
}
