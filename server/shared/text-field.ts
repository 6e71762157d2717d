import { Property } from '@mikro-orm/decorators/legacy';
import { Field } from 'type-graphql';

/**
 * A free text (a name, label, note, source clause, quote) stored in a `text` column and shown in the API as it is
 * stored: MikroORM's column and type-graphql's String field in one declaration, so the two cannot disagree on
 * whether the value may be null.
 */
export function TextField(description: string, options: { nullable?: true } = {}) {
  const column = Property({ type: 'string', columnType: 'text', ...options });
  const field = Field(() => String, { ...options, description });
  return (prototype: object, key: string): void => {
    column(prototype, key);
    field(prototype, key);
  };
}
