import { HttpError } from 'react-admin';
import { localise } from '../i18n/locale';
import { session } from '../session';
import type { Document } from './documents/document';

interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  BAD_USER_INPUT: 400,
};

/** Sends one operation (a document of `documents/`) to the gateway; API errors become react-admin HttpErrors with a readable message. */
export async function gql<T>(query: Document, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = session.read()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${window.location.origin}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new HttpError('ra.notification.http_error', 0);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GraphQLError[] };
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first.extensions?.code ?? 'INTERNAL';
    const message = body.errors.map((e) => localise(e.message)).join('\n');
    const fieldErrors = Object.fromEntries(
      body.errors.filter((e) => e.extensions?.field).map((e) => [e.extensions!.field!, localise(e.message)]),
    );
    throw new HttpError(message, STATUS[code] ?? response.status ?? 500, { code, field: first.extensions?.field, errors: fieldErrors });
  }
  if (!response.ok || !body.data) throw new HttpError('ra.notification.http_error', response.status);
  return body.data;
}
