import { localise } from '../i18n/locale';
import { session } from '../session';

/** Calls one of the hub's import routes (`/imports/…`, REST: files go up and down) with the session's token. */
async function importFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${window.location.origin}${path}`, {
    ...init,
    headers: { ...(init.headers ?? {}), authorization: `Bearer ${session.read()?.token ?? ''}` },
  });
}

/** What an import route answers: its own JSON, or GraphQL-like errors when it refuses. */
interface ApiErrorBody {
  errors?: { message?: string }[];
  job?: unknown;
}

/** The API's first error message in the current language, or the HTTP status. */
const failure = (body: ApiErrorBody, status: number) => new Error(localise(body?.errors?.[0]?.message ?? `HTTP ${status}`));

/** The data provider's import methods: the dry run, the commit and the job's progress (JSON), templates and error lists (files). */
export const importMethods = {
  /** JSON back; a refused request is an error with the API's message, except a job's own failure, which is returned. */
  async importRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await importFetch(path, init);
    const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
    if (!response.ok && !body.job) throw failure(body, response.status);
    return body as T;
  },
  /** A file an import route serves (the template, the errors). */
  async importFile(path: string): Promise<Blob> {
    const response = await importFetch(path);
    if (!response.ok) throw failure(await response.json().catch(() => ({})), response.status);
    return response.blob();
  },
};
