import { defaultFieldResolver, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';

const finiteOrNull = (value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

/**
 * Makes every nullable Float field of the schema read a stored ±Infinity or NaN as null: GraphQL cannot represent
 * them, and one such row (written by SQL, or before inputs were bounded) must not fail a page for every caller.
 * Changes the schema in place.
 */
export function nullNonFiniteFloats(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || isListType(field.type) || getNamedType(field.type).name !== 'Float') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        return value instanceof Promise ? value.then(finiteOrNull) : finiteOrNull(value);
      };
    }
  }
}
