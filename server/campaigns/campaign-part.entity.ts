import { Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { Campaign } from './campaign.entity.js';
import { Identified } from '../shared/identified.entity.js';

/**
 * What every part of a campaign's plan has (targets, milestones, subjects, responsibilities): an id, and the campaign
 * it belongs to and is deleted with. Its audit rows belong to the campaign's issuer unless the part says otherwise.
 * An object type only so that its fields are inherited: no field returns it, so no schema shows it.
 */
@ObjectType('CampaignPart', { description: "Phần của kế hoạch — a part of a campaign's plan." })
export abstract class CampaignPart extends Identified implements Audited {
  @ManyToOne(() => Campaign, { ref: false, deleteRule: 'cascade' })
  @Index()
  campaign!: Campaign;

  auditUnitId(): number | undefined {
    return this.campaign?.issuerUnitId;
  }
}
