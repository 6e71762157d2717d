import { allows, capabilityTable, type CapabilityRule } from '../capabilities';
import { gql, session } from '../dataProvider/client';
import { compare, type ComparisonRow } from '../dataProvider/insights';

/** The figures the dashboard shows for the user's own scope (their first grant's unit). */
export interface DashboardData {
  scope: { code: string; name: string; path: string } | null;
  year: number;
  progress: ComparisonRow[];
  nominations: { id: string; status: string; year: number; subject: string; unit: string }[];
  coverage: { communeCount: number; assessedCount: number; missingCount: number; missing: { id: string; code: string; name: string }[] } | null;
  deadlines: { campaignId: string; campaign: string; kind: string; description: string; date: string }[];
  changes: { id: string; at: string; username: string; entity: string; action: string }[];
  rules: CapabilityRule[];
}

const PROGRESS_METRICS = ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'AVG_CRITERIA_MET'];
/** Nomination steps waiting for someone, by who takes the next one. */
const WAITING = { PROPOSE_NOMINATIONS: ['DRAFT', 'RETURNED'], DECIDE_NOMINATIONS: ['SUBMITTED', 'APPRAISED', 'COUNCIL_REVIEWED'] } as const;

interface Milestone { kind: string; recurrence: string; year: number | null; deadline: string | null; deadlineDay: number | null; deadlineMonth: number | null; description: string }

/** The milestone's next deadline on or after `from` (an annual one recurs on its day and month). */
function nextDeadline(m: Milestone, from: Date): string | null {
  if (m.deadline) return m.deadline;
  if (!m.deadlineDay || !m.deadlineMonth) return null;
  for (const year of [from.getUTCFullYear(), from.getUTCFullYear() + 1]) {
    if (m.recurrence === 'ONCE' && m.year != null && m.year !== year) continue;
    const date = `${year}-${String(m.deadlineMonth).padStart(2, '0')}-${String(m.deadlineDay).padStart(2, '0')}`;
    if (date >= from.toISOString().slice(0, 10)) return date;
  }
  return null;
}

const within = (path: string, scope: string) => path === scope || path.startsWith(`${scope}.`);

export async function dashboardData(today = new Date()): Promise<DashboardData> {
  const grant = session.read()?.user.grants[0];
  const [rules, { unitsByIds }, { campaigns }] = await Promise.all([
    capabilityTable(),
    grant
      ? gql<{ unitsByIds: ({ code: string; name: string; path: string } | null)[] }>('query($ids: [ID!]!) { unitsByIds(ids: $ids) { code name path } }', { ids: [grant.unit.id] })
      : Promise.resolve({ unitsByIds: [null] }),
    // Campaigns in force: their milestones are the deadlines, their periods say which year is "this year".
    gql<{ campaigns: { nodes: { id: string; name: string; periodEnd: string; issuer: { path: string }; milestones: Milestone[] }[] } }>(
      `{ campaigns(filter: { status: ACTIVE }, limit: 100) { nodes { id name periodEnd issuer { path } milestones { kind recurrence year deadline deadlineDay deadlineMonth description } } } }`),
  ]);
  const scope = unitsByIds[0];
  const paths = grant?.paths ?? [];
  const inScope = (path: string | null | undefined) => !!path && (grant?.role === 'SYSTEM_ADMIN' || paths.some((p) => within(path, p) || within(p, path)));
  const mine = campaigns.nodes.filter((c) => inScope(c.issuer.path));
  const lastYear = Math.max(0, ...mine.map((c) => Number(c.periodEnd.slice(0, 4))));
  const year = Math.min(today.getUTCFullYear(), lastYear || today.getUTCFullYear());
  const todayText = today.toISOString().slice(0, 10);
  const horizon = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const deadlines = mine.flatMap((c) => c.milestones.map((m) => ({ campaignId: c.id, campaign: c.name, kind: m.kind, description: m.description, date: nextDeadline(m, today) })))
    .filter((d): d is typeof d & { date: string } => !!d.date && d.date >= todayText && d.date <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date));
  const asOf = `${year}-06-30`;

  // Nominations whose next step is this user's: drafts and returns for the proposing unit, the rest for the level
  // holding the nomination now (it climbs its levels up to the deciding one).
  const statuses = Object.entries(WAITING).filter(([capability]) => allows(rules, capability as keyof typeof WAITING)).flatMap(([, s]) => s);
  const waiting = async (status: string) => {
    const { nominations: page } = await gql<{ nominations: { nodes: any[] } }>(
      `query($f: NominationFilter) { nominations(filter: $f, limit: 50, orderBy: UPDATED, direction: DESC) { nodes { id status year subject { kind name unit { name } } proposingUnit { name path } currentUnit { name path } } } }`,
      { f: { status } });
    const proposing = status === 'DRAFT' || status === 'RETURNED';
    const holder = (n: any) => (proposing ? n.proposingUnit : n.currentUnit);
    return page.nodes.filter((n) => holder(n) && allows(rules, proposing ? 'PROPOSE_NOMINATIONS' : 'DECIDE_NOMINATIONS', holder(n).path))
      .map((n) => ({ id: n.id, status: n.status, year: n.year, subject: n.subject.name ?? n.subject.unit.name, unit: holder(n).name }));
  };
  const [progress, nominations, coverage, changes] = await Promise.all([
    scope ? compare({ unitCodes: [scope.code], metrics: PROGRESS_METRICS, year, asOf }).then((r) => r.rows, () => []) : Promise.resolve([]),
    Promise.all(statuses.map(waiting)).then((lists) => lists.flat()),
    scope && allows(rules, 'RECORD_ASSESSMENTS', scope.path)
      ? gql<{ assessmentCoverage: DashboardData['coverage'] }>(
        `query($c: String!, $y: Int!, $d: Date) { assessmentCoverage(withinCode: $c, year: $y, asOf: $d, limit: 5) { communeCount assessedCount missingCount missing { id code name } } }`,
        { c: scope.code, y: year, d: asOf }).then((r) => r.assessmentCoverage, () => null)
      : Promise.resolve(null),
    allows(rules, 'READ_AUDIT_LOG')
      ? gql<{ auditLog: { nodes: DashboardData['changes'] } }>('{ auditLog(limit: 8) { nodes { id at username entity action } } }').then((r) => r.auditLog.nodes)
      : Promise.resolve([]),
  ]);
  return { scope, year, progress, nominations, coverage, deadlines, changes, rules };
}
