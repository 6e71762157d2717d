import { LockMode } from '@mikro-orm/core';
import { Service } from '../shared/service.js';
import { checkVersion, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { MilestoneKind, Recurrence } from './campaigns.enums.js';
import { checkMilestone, type MilestoneShape } from './campaign.validation.js';
import { CampaignService, type IssuedCampaign } from './campaign.service.js';
import { Milestone } from './milestone.entity.js';
import type { CreateMilestoneInput, UpdateMilestoneInput } from './milestone.input.js';

const FIELDS = [
  'kind',
  'recurrence',
  'year',
  'deadline',
  'deadlineDay',
  'deadlineMonth',
  'description',
  'source',
] as const satisfies readonly (keyof Milestone)[];

/** Milestones of campaigns: annual awards and their deadlines, reviews, inspections, reports. */
export class MilestoneService extends Service {
  private readonly campaigns = new CampaignService(this.ctx);

  async create(input: CreateMilestoneInput): Promise<Milestone> {
    const { campaign } = await this.campaigns.requireIssued(input.campaignId);
    const fields = this.merge({ recurrence: input.kind === MilestoneKind.ANNUAL ? Recurrence.ANNUAL : Recurrence.ONCE }, input);
    checkMilestone(fields as unknown as MilestoneShape, campaign);
    const milestone = this.em.create(Milestone, { ...fields, campaign } as never);
    await this.em.flush();
    return milestone;
  }

  async update(id: string, expectedVersion: number, input: UpdateMilestoneInput): Promise<Milestone> {
    const { milestone, issued } = await this.lock(id);
    checkVersion(milestone.version, expectedVersion);
    const fields = this.merge(Object.fromEntries(FIELDS.map((f) => [f, milestone[f]])), input);
    checkMilestone(fields as unknown as MilestoneShape, issued.campaign);
    Object.assign(milestone, fields);
    await this.em.flush();
    return milestone;
  }

  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const { milestone } = await this.lock(id);
    checkVersion(milestone.version, expectedVersion);
    this.em.remove(milestone);
    await this.em.flush();
    return true;
  }

  /** The stored fields overlaid with those the input gives: undefined keeps a field, null clears it. */
  private merge(current: Partial<Record<(typeof FIELDS)[number], unknown>>, input: Partial<Record<(typeof FIELDS)[number], unknown>>) {
    const merged: Record<string, unknown> = { ...current };
    for (const field of FIELDS) if (input[field] !== undefined) merged[field] = input[field];
    return merged;
  }

  private async lock(id: string): Promise<{ milestone: Milestone; issued: IssuedCampaign }> {
    const milestone = await this.em.findOne(Milestone, { id: parseId(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!milestone) throw notFound(`Không có mốc ${id}`, `No milestone ${id}`);
    return { milestone, issued: await this.campaigns.requireIssued(milestone.campaign.id) };
  }
}
