import type { DataProvider, RaRecord } from 'react-admin';
import type { ResourceAdapter, Row } from './adapter';
import { auditLog } from './auditLog';
import { awardForms, awards, awardStandards, campaignForms, contributions, nominations } from './awards';
import { campaigns } from './campaigns';
import { assessments, criteriaSets, recognitions } from './criteria';
import { metrics, targets } from './targets';
import { reorganisations, units } from './units';
import { users } from './users';

const adapters: Record<string, ResourceAdapter> = { units, reorganisations, campaigns, targets, metrics, criteriaSets, assessments, recognitions, auditLog, awardForms, awardStandards, contributions, nominations, awards, campaignAwardForms: campaignForms, users };

function adapter(resource: string): ResourceAdapter {
  const found = adapters[resource];
  if (!found) throw new Error(`Unknown resource ${resource}`);
  return found;
}

function unsupported(resource: string, action: string): never {
  throw new Error(`${resource}: ${action} is not offered by the API`);
}

/** react-admin's data provider over the gateway, one adapter per resource (see `adapter.ts`). */
export const dataProvider: DataProvider = {
  async getList(resource, params) {
    const a = adapter(resource);
    if (!a.getList) unsupported(resource, 'getList');
    return a.getList(params) as any;
  },
  async getOne(resource, params) {
    const a = adapter(resource);
    if (!a.getOne) unsupported(resource, 'getOne');
    return { data: (await a.getOne(params.id, params.meta)) as any };
  },
  async getMany(resource, params) {
    const a = adapter(resource);
    if (a.getMany) return { data: (await a.getMany(params.ids)) as any };
    if (a.getOne) return { data: (await Promise.all(params.ids.map((id) => a.getOne!(id)))) as any };
    return unsupported(resource, 'getMany');
  },
  async getManyReference(resource, params) {
    const a = adapter(resource);
    if (!a.getList) unsupported(resource, 'getManyReference');
    return a.getList({ ...params, filter: { ...params.filter, [params.target]: params.id } }) as any;
  },
  async create(resource, params) {
    const a = adapter(resource);
    if (!a.create) unsupported(resource, 'create');
    return { data: (await a.create(params.data as Row)) as any };
  },
  async update(resource, params) {
    const a = adapter(resource);
    if (!a.update) unsupported(resource, 'update');
    return { data: (await a.update(params.id, params.data as Row, params.previousData as Row)) as any };
  },
  async updateMany(resource) {
    return unsupported(resource, 'updateMany');
  },
  async delete(resource, params) {
    const a = adapter(resource);
    if (!a.delete) unsupported(resource, 'delete');
    await a.delete(params.id, params.previousData as Row);
    return { data: params.previousData as any };
  },
  async deleteMany(resource, params) {
    const a = adapter(resource);
    if (!a.delete || !a.getOne) unsupported(resource, 'deleteMany');
    for (const id of params.ids) await a.delete(id, await a.getOne(id));
    return { data: params.ids as RaRecord['id'][] };
  },
};
