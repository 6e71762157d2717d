import { useEffect, useMemo, useState } from 'react';
import { gql } from './dataProvider/client';
import { CAPABILITIES } from './dataProvider/documents/accounts';
import { session } from './session';

/**
 * What the signed-in user may do, from the API's own capability table (`capabilities`: roles × capability, each
 * within the subtree of the unit the capability names) and the paths each grant covers (`login … grants { paths }`).
 * Menus, create links and buttons are offered from this alone, so the console offers what the API will accept.
 */
export type Capability =
  | 'CLASSIFY_UNITS'
  | 'MANAGE_VILLAGES'
  | 'REORGANISE_UNITS'
  | 'MANAGE_ACCOUNTS'
  | 'LOCK_ACCOUNTS'
  | 'READ_AUDIT_LOG'
  | 'PLAN_CAMPAIGNS'
  | 'IDENTIFY_ISSUERS'
  | 'EXTEND_METRICS'
  | 'EDIT_CRITERIA_SETS'
  | 'RECORD_ASSESSMENTS'
  | 'DECIDE_RECOGNITIONS'
  | 'RECORD_CONTRIBUTIONS'
  | 'RECORD_PRECONDITIONS'
  | 'PROPOSE_NOMINATIONS'
  | 'DECIDE_NOMINATIONS';

export interface CapabilityRule {
  capability: Capability;
  roles: string[];
  scope: string;
  operations: string[];
}

let table: Promise<CapabilityRule[]> | undefined;

/** The capability table, read once (it is the same for everyone). */
export function capabilityTable(): Promise<CapabilityRule[]> {
  table ??= gql<{ capabilities: CapabilityRule[] }>(CAPABILITIES)
    .then((r) => r.capabilities)
    .catch((error) => {
      table = undefined;
      throw error;
    });
  return table;
}

const within = (path: string, scope: string) => path === scope || path.startsWith(`${scope}.`);

/**
 * Whether the signed-in user has `capability` over the unit at `unitPath` (an ltree path), or — without a path —
 * anywhere at all (for menus and create links, where the form then offers units of their scope).
 */
export function allows(rules: CapabilityRule[], capability: Capability, unitPath?: string | null): boolean {
  const grants = session.read()?.user.grants ?? [];
  const roles = rules.find((r) => r.capability === capability)?.roles ?? [];
  return grants.some(
    (g) =>
      g.role === 'SYSTEM_ADMIN' ||
      (roles.includes(g.role) && (unitPath === undefined || (!!unitPath && g.paths.some((scope) => within(unitPath, scope))))),
  );
}

/** Whether any of the user's grants with `capability` lies at or below the unit at `unitPath` (e.g. to derive a campaign for a sub-unit). */
export function allowsBelow(rules: CapabilityRule[], capability: Capability, unitPath: string): boolean {
  const grants = session.read()?.user.grants ?? [];
  const roles = rules.find((r) => r.capability === capability)?.roles ?? [];
  return grants.some(
    (g) =>
      g.role === 'SYSTEM_ADMIN' || (roles.includes(g.role) && g.paths.some((scope) => within(scope, unitPath) || within(unitPath, scope))),
  );
}

/** The kinds of file import the user may use: the table's `POST /imports/<kind>` routes under a capability they hold. */
export function importKinds(rules: CapabilityRule[]): string[] {
  return rules.flatMap((rule) =>
    rule.operations
      .filter((op) => op.startsWith('POST /imports/') && allows(rules, rule.capability))
      .map((op) => op.slice('POST /imports/'.length)),
  );
}

/** `importKinds` as a hook: empty until the table has been read. */
export function useImportKinds(): string[] {
  const rules = useCapabilityRules();
  return useMemo(() => (rules ? importKinds(rules) : []), [rules]);
}

/** Where the user holds `capability`: the subtrees' paths and the granted units' names; null when it is everywhere. */
export interface GrantScope {
  paths: string[];
  units: string[];
}

export function scopeOf(rules: CapabilityRule[], capability: Capability): GrantScope | null {
  const roles = rules.find((r) => r.capability === capability)?.roles ?? [];
  const grants = (session.read()?.user.grants ?? []).filter((g) => g.role === 'SYSTEM_ADMIN' || roles.includes(g.role));
  // A system administrator, or a grant on the nation (a path of one id), reaches every unit.
  if (grants.some((g) => g.role === 'SYSTEM_ADMIN' || g.paths.some((p) => !p.includes('.')))) return null;
  return { paths: [...new Set(grants.flatMap((g) => g.paths))], units: [...new Set(grants.map((g) => g.unit.name))] };
}

export async function can(capability: Capability, unitPath?: string | null): Promise<boolean> {
  return allows(await capabilityTable(), capability, unitPath);
}

/** `can` as a hook: false until the table has been read, so nothing is offered that might be refused. */
export function useCan(capability: Capability, unitPath?: string | null): boolean {
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    let live = true;
    can(capability, unitPath).then(
      (ok) => live && setAllowed(ok),
      () => live && setAllowed(false),
    );
    return () => {
      live = false;
    };
  }, [capability, unitPath]);
  return allowed;
}

/** The capability table as a hook (null until read), for lists deciding per record what a row may open. */
export function useCapabilityRules(): CapabilityRule[] | null {
  const [rules, setRules] = useState<CapabilityRule[] | null>(null);
  useEffect(() => {
    let live = true;
    capabilityTable().then(
      (found) => live && setRules(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return rules;
}

/** `allowsBelow` as a hook. */
export function useCanBelow(capability: Capability, unitPath: string | null): boolean {
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    let live = true;
    if (unitPath)
      capabilityTable().then(
        (rules) => live && setAllowed(allowsBelow(rules, capability, unitPath)),
        () => live && setAllowed(false),
      );
    return () => {
      live = false;
    };
  }, [capability, unitPath]);
  return allowed;
}

/**
 * react-admin's `canAccess`: reading is open to every signed-in user (the API filters what each may see); creating,
 * editing and deleting a resource need its capability — over the record's unit when there is a record.
 */
/** What the write rules read of a record: the path of the unit it belongs to, wherever the resource keeps it. */
interface WriteRecord {
  issuer?: UnitRef;
  owner?: UnitRef;
  unit?: UnitRef;
  issuingUnit?: UnitRef;
  proposingUnit?: UnitRef;
  campaign?: { issuer?: UnitRef };
  contributor?: { unit?: UnitRef };
}
type UnitRef = { path?: string | null } | null;
const WRITES: Record<string, { capability: Capability; unitPath: (record: WriteRecord) => string | null | undefined }> = {
  campaigns: { capability: 'PLAN_CAMPAIGNS', unitPath: (r) => r.issuer?.path },
  targets: { capability: 'PLAN_CAMPAIGNS', unitPath: (r) => r.campaign?.issuer?.path },
  awardStandards: { capability: 'PLAN_CAMPAIGNS', unitPath: (r) => r.campaign?.issuer?.path },
  criteriaSets: { capability: 'EDIT_CRITERIA_SETS', unitPath: (r) => r.owner?.path },
  assessments: { capability: 'RECORD_ASSESSMENTS', unitPath: (r) => r.unit?.path },
  recognitions: { capability: 'DECIDE_RECOGNITIONS', unitPath: (r) => r.issuingUnit?.path },
  contributions: { capability: 'RECORD_CONTRIBUTIONS', unitPath: (r) => r.contributor?.unit?.path },
  nominations: { capability: 'PROPOSE_NOMINATIONS', unitPath: (r) => r.proposingUnit?.path },
  users: { capability: 'MANAGE_ACCOUNTS', unitPath: () => undefined },
  reorganisations: { capability: 'REORGANISE_UNITS', unitPath: () => undefined },
};
/** Who fills each list (to tell a reader of an empty list whom to ask): its write capability, or the one that makes its records. */
export const recordedBy = (resource: string): Capability | undefined =>
  WRITES[resource]?.capability ?? ({ awards: 'DECIDE_NOMINATIONS', units: 'REORGANISE_UNITS' } as Record<string, Capability>)[resource];

/** The roles the capability table gives `capability` (a system administrator may do everything). */
export async function rolesFor(capability: Capability): Promise<string[]> {
  const roles = (await capabilityTable()).find((r) => r.capability === capability)?.roles ?? [];
  return [...new Set([...roles, 'SYSTEM_ADMIN'])];
}

/** Lists that are not for everyone to read. */
const READS: Record<string, Capability> = { users: 'MANAGE_ACCOUNTS', auditLog: 'READ_AUDIT_LOG' };

export async function canAccess({
  action,
  resource,
  record,
}: {
  action: string;
  resource: string;
  record?: WriteRecord;
}): Promise<boolean> {
  if (action === 'list' || action === 'show') return READS[resource] ? can(READS[resource]) : true;
  const rule = WRITES[resource];
  if (!rule) return false;
  return can(rule.capability, record ? (rule.unitPath(record) ?? null) : undefined);
}
