import type { DataProvider, RaRecord } from 'react-admin';
import type { ResourceAdapter, Row } from './adapter';
import { auditLog, auditLogMethods } from './auditLog';
import { awardEligibility, awardForms, awardMethods, awards, awardStandards, campaignForms, contributions, nominations } from './awards';
import { campaignMethods, campaigns } from './campaigns';
import { assessments, criteriaMethods, criteriaSets, recognitions } from './criteria';
import { importMethods } from './imports';
import { insightMethods } from './insights';
import { metrics, targets } from './targets';
import { reorganisations, unitMethods, units } from './units';
import { userMethods, users } from './users';

export type { Row } from './adapter';
export type { DeadlineMilestone, SourceDocument } from './campaigns';
export type { ConditionResult, EligibilityResult, EligibilitySubject, Precondition, WaitingNomination } from './awards';
export type { AssessmentResult, Coverage, Criterion, SectionAssessment, SectionCommune } from './criteria';
export type { ClassTarget, Comparison, ComparisonRow, Figures, InsightMetric, ProgressPoint } from './insights';
export type { PickedUnit } from './units';
export type { RecentChange } from './auditLog';

const adapters: Record<string, ResourceAdapter> = {
  units,
  reorganisations,
  campaigns,
  targets,
  metrics,
  criteriaSets,
  assessments,
  recognitions,
  auditLog,
  awardForms,
  awardStandards,
  contributions,
  nominations,
  awards,
  campaignAwardForms: campaignForms,
  awardEligibility,
  users,
};

/**
 * What the API offers beyond react-admin's list/read/write verbs (workflow steps, village edits, comparisons …): the
 * data provider's custom methods, which pages reach with `useDataProvider<HubDataProvider>()` (`common/useHub.ts`).
 */
const methods = {
  ...unitMethods,
  ...campaignMethods,
  ...criteriaMethods,
  ...awardMethods,
  ...insightMethods,
  ...userMethods,
  ...auditLogMethods,
  ...importMethods,
};
export type HubDataProvider = DataProvider & typeof methods;

function adapter(resource: string): ResourceAdapter {
  const found = adapters[resource];
  if (!found) throw new Error(`Unknown resource ${resource}`);
  return found;
}

/**
 * The adapters' rows as the record type a page asks react-admin's generic methods for: that type is the calling
 * page's own statement of what the resource's query selects.
 */
const asRequested = <R>(rows: unknown): R => rows as R;

function unsupported(resource: string, action: string): never {
  throw new Error(`${resource}: ${action} is not offered by the API`);
}

/** react-admin's data provider over the gateway: one adapter per resource (see `adapter.ts`), plus the custom methods. */
export const dataProvider: HubDataProvider = {
  ...methods,
  async getList(resource, params) {
    const a = adapter(resource);
    if (!a.getList) unsupported(resource, 'getList');
    return asRequested(await a.getList(params));
  },
  async getOne(resource, params) {
    const a = adapter(resource);
    if (!a.getOne) unsupported(resource, 'getOne');
    return { data: asRequested(await a.getOne(params.id, params.meta)) };
  },
  async getMany(resource, params) {
    const a = adapter(resource);
    if (a.getMany) return { data: asRequested(await a.getMany(params.ids)) };
    if (a.getOne) return { data: asRequested(await Promise.all(params.ids.map((id) => a.getOne!(id)))) };
    return unsupported(resource, 'getMany');
  },
  async getManyReference(resource, params) {
    const a = adapter(resource);
    if (!a.getList) unsupported(resource, 'getManyReference');
    return asRequested(await a.getList({ ...params, filter: { ...params.filter, [params.target]: params.id } }));
  },
  async create(resource, params) {
    const a = adapter(resource);
    if (!a.create) unsupported(resource, 'create');
    return { data: asRequested(await a.create(params.data as Row)) };
  },
  async update(resource, params) {
    const a = adapter(resource);
    if (!a.update) unsupported(resource, 'update');
    return { data: asRequested(await a.update(params.id, params.data as Row, params.previousData as Row)) };
  },
  async updateMany(resource) {
    return unsupported(resource, 'updateMany');
  },
  async delete(resource, params) {
    const a = adapter(resource);
    if (!a.delete) unsupported(resource, 'delete');
    await a.delete(params.id, params.previousData as Row);
    return { data: asRequested(params.previousData) };
  },
  async deleteMany(resource, params) {
    const a = adapter(resource);
    if (!a.delete || !a.getOne) unsupported(resource, 'deleteMany');
    for (const id of params.ids) await a.delete(id, await a.getOne(id));
    return { data: params.ids as RaRecord['id'][] };
  },
};
