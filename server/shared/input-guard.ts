import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { bilingual } from './errors.js';

const hasNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000')
    : Array.isArray(value) ? value.some(hasNul)
      : value !== null && typeof value === 'object' ? Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v)) : false;

const documentHasNul = (document: DocumentNode): boolean => {
  let found = false;
  visit(document, { [Kind.STRING]: (node) => { if (node.value.includes('\u0000')) found = true; } });
  return found;
};

/**
 * Refuses text containing NUL characters anywhere in an operation's variables or literals: no field accepts them
 * and PostgreSQL cannot store them, so they are an input error, not an internal one.
 */
export const inputGuardPlugin: ApolloServerPlugin<any> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (hasNul(request.variables) || documentHasNul(document)) {
          throw new GraphQLError(bilingual('Dữ liệu chứa ký tự NUL không hợp lệ', 'Input contains a NUL character'), {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};
