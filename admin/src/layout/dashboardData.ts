import { allows, capabilityTable, type CapabilityRule } from '../capabilities';
import type { ComparisonRow, Coverage, DeadlineMilestone, HubDataProvider, RecentChange, WaitingNomination } from '../dataProvider';
import { session } from '../session';

/** The figures the dashboard shows for the user's own scope (their first grant's unit). */
export interface DashboardData {
  scope: { code: string; name: string; path: string } | null;
  year: number;
  progress: ComparisonRow[];
  nominations: { id: string; status: string; year: number; subject: string; unit: string }[];
  coverage: Coverage | null;
  deadlines: { campaignId: string; campaign: string; kind: string; description: string; date: string }[];
  changes: RecentChange[];
  rules: CapabilityRule[];
}

const PROGRESS_METRICS = ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'AVG_CRITERIA_MET'];
/** Nomination steps waiting for someone, by who takes the next one. */
const WAITING = { PROPOSE_NOMINATIONS: ['DRAFT', 'RETURNED'], DECIDE_NOMINATIONS: ['SUBMITTED', 'APPRAISED', 'COUNCIL_REVIEWED'] } as const;

/** The milestone's next deadline on or after `from` (an annual one recurs on its day and month). */
function nextDeadline(m: DeadlineMilestone, from: Date): string | null {
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

/** Read through the data provider (`useHub()`); `today` fixes the date in tests. */
export async function dashboardData(hub: HubDataProvider, today = new Date()): Promise<DashboardData> {
  const grant = session.read()?.user.grants[0];
  const [rules, scope, active] = await Promise.all([
    capabilityTable(),
    grant ? hub.scopeUnit(grant.unit.id) : Promise.resolve(null),
    // Campaigns in force: their milestones are the deadlines, their periods say which year is "this year".
    hub.activeCampaigns(),
  ]);
  const paths = grant?.paths ?? [];
  const inScope = (path: string | null | undefined) =>
    !!path && (grant?.role === 'SYSTEM_ADMIN' || paths.some((p) => within(path, p) || within(p, path)));
  const mine = active.filter((c) => inScope(c.issuer.path));
  const lastYear = Math.max(0, ...mine.map((c) => Number(c.periodEnd.slice(0, 4))));
  const year = Math.min(today.getUTCFullYear(), lastYear || today.getUTCFullYear());
  const todayText = today.toISOString().slice(0, 10);
  const horizon = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const deadlines = mine
    .flatMap((c) =>
      c.milestones.map((m) => ({
        campaignId: c.id,
        campaign: c.name,
        kind: m.kind,
        description: m.description,
        date: nextDeadline(m, today),
      })),
    )
    .filter((d): d is typeof d & { date: string } => !!d.date && d.date >= todayText && d.date <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date));
  const asOf = `${year}-06-30`;

  // Nominations whose next step is this user's: drafts and returns for the proposing unit, the rest for the level
  // holding the nomination now (it climbs its levels up to the deciding one).
  const statuses = Object.entries(WAITING)
    .filter(([capability]) => allows(rules, capability as keyof typeof WAITING))
    .flatMap(([, s]) => s);
  const waiting = async (status: string) => {
    const waitingNow = await hub.waitingNominations(status);
    const proposing = status === 'DRAFT' || status === 'RETURNED';
    const holder = (n: WaitingNomination) => (proposing ? n.proposingUnit : n.currentUnit);
    return waitingNow
      .filter((n) => holder(n) && allows(rules, proposing ? 'PROPOSE_NOMINATIONS' : 'DECIDE_NOMINATIONS', holder(n)!.path))
      .map((n) => ({ id: n.id, status: n.status, year: n.year, subject: n.subject.name ?? n.subject.unit.name, unit: holder(n)!.name }));
  };
  const [progress, nominations, coverage, changes] = await Promise.all([
    scope
      ? hub.compare({ unitCodes: [scope.code], metrics: PROGRESS_METRICS, year, asOf }).then(
          (r) => r.rows,
          () => [],
        )
      : Promise.resolve([]),
    Promise.all(statuses.map(waiting)).then((lists) => lists.flat()),
    scope && allows(rules, 'RECORD_ASSESSMENTS', scope.path)
      ? hub.assessmentCoverage(scope.code, year, asOf).then(
          (coverage) => coverage,
          () => null,
        )
      : Promise.resolve(null),
    allows(rules, 'READ_AUDIT_LOG') ? hub.recentChanges() : Promise.resolve([]),
  ]);
  return { scope, year, progress, nominations, coverage, deadlines, changes, rules };
}
