import { Property } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { Identified } from '../shared/identified.entity.js';

/**
 * A record of one unit's people (a contributor, a contribution): rights are checked, and writes audited, at that unit
 * (a contribution's is its contributor's). The unit's id stays out of the API; an object type only so that the id field
 * is inherited (no field returns it, so no schema shows it).
 */
@ObjectType('UnitRecord', { description: 'Bản ghi thuộc một đơn vị — a record of one unit.' })
export abstract class UnitRecord extends Identified implements Audited {
  @Property({ type: 'integer' })
  unitId!: number;

  auditUnitId(): number {
    return this.unitId;
  }
}
