import { Property } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { Identified } from '../shared/identified.entity.js';

/**
 * A record a campaign's plan states (a standard, a dossier requirement), kept in the awards subgraph under the
 * campaign's id and its issuer's unit: rights are checked, and writes audited, at the issuer. Both columns stay out of
 * the API; an object type only so that the id field is inherited (no field returns it, so no schema shows it).
 */
@ObjectType('CampaignRecord', { description: 'Bản ghi theo kế hoạch của phong trào — a record a campaign plan states.' })
export abstract class CampaignRecord extends Identified implements Audited {
  @Property({ type: 'integer' })
  campaignId!: number;

  @Property({ type: 'integer' })
  issuerUnitId!: number;

  auditUnitId(): number {
    return this.issuerUnitId;
  }
}
