import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { AdministrativeUnit } from './unit.entity.js';
import { ClassificationScheme } from './units.enums.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** The values a scheme takes; an empty list means the scheme is a plain yes/no mark. */
export const SCHEME_VALUES: Record<ClassificationScheme, readonly string[]> = {
  ESPECIALLY_DISADVANTAGED: [],
  TERRAIN: ['HIGH_MOUNTAIN', 'LOW_MOUNTAIN', 'LOWLAND'],
  BORDER: [],
  COASTAL: [],
  ISLAND: [],
  COMMUNE_GROUP: ['1', '2', '3'],
};

/** A classification of a unit for a period, e.g. TERRAIN = HIGH_MOUNTAIN from 2021. */
@ObjectType('UnitClassification', { description: 'Phân loại đơn vị — a classification of a unit, valid for a period.' })
@Entity({ tableName: 'unit_classification' })
export class UnitClassification extends Identified {
  @ManyToOne(() => AdministrativeUnit, { ref: false })
  @Index()
  unit!: AdministrativeUnit;

  @Field(() => ClassificationScheme, { description: 'Loại phân loại — the scheme.' })
  @Enum({ items: () => ClassificationScheme })
  scheme!: ClassificationScheme;

  @Field(() => String, { nullable: true, description: 'Giá trị — the value within the scheme (null for yes/no schemes).' })
  @Property({ length: 30, nullable: true })
  value?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Hiệu lực từ — first day it applies (null: always).' })
  @Property({ columnType: 'date', type: 'string', nullable: true })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Hiệu lực đến — last day it applies (null: until further notice).' })
  @Property({ columnType: 'date', type: 'string', nullable: true })
  validTo?: string | null;

  @TextField('Căn cứ — the decision or document it rests on.', { nullable: true })
  source?: string | null;

  /** The audit log files changes under the classified unit. */
  auditUnitId(): number {
    return this.unit.id;
  }

  /** The units subgraph knows its own paths: no lookup through its own API while its transaction holds a connection. */
  auditUnitPath(): string | undefined {
    return this.unit.path;
  }

  @Field(() => String, { description: 'Mã phân loại — "SCHEME" or "SCHEME:VALUE", as list filters take it.' })
  code(): string {
    return this.value ? `${this.scheme}:${this.value}` : this.scheme;
  }
}
