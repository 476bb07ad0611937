import type { Locale } from '../../contract/common.ts';
import type { ErrorBody } from '../../contract/common.ts';
import { translate } from './i18n/translate.ts';

/**
 * The resident pages' own small fetch client. The console's (src/web/lib/api.ts) pulls in every
 * console dictionary and deals with sessions and CSRF, which residents never have: public
 * routes need neither.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

let locale: Locale = 'zh-CN';

/** The language sent as Accept-Language, so the server's messages match the page. */
export function setApiLocale(next: Locale): void {
  locale = next;
}

export type Query = Record<string, string | number | undefined | null>;

function urlOf(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  query?: Query,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', translate(locale, 'common.networkError'));
  }
  const text = await response.text();
  let payload: unknown = null;
  try {
    if (text) payload = JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page): reported by status below
  }
  if (response.ok) return payload as T;
  if (isErrorBody(payload)) throw new ApiError(response.status, payload.code, payload.message);
  throw new ApiError(
    response.status,
    `HTTP_${response.status}`,
    translate(locale, 'common.serverError', { status: response.status }),
  );
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => call<T>('GET', path, query, undefined, signal),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, undefined, body),
};

/** A message for any thrown value: the server's own (translated) text for API errors. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
