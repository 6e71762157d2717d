import { PrimaryKey } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * An entity identified by the integer PostgreSQL assigns it, shown in the API as an ID. An object type only so that
 * the field is inherited: no field returns it, so no schema shows it.
 */
@ObjectType('Identified', { description: 'Bản ghi có mã định danh — a record with an id.' })
export abstract class Identified {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;
}
