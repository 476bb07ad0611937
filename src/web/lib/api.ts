import type { ErrorBody } from '../../contract/common.ts';
import { translate, type Locale } from './i18n/index.ts';

/** A failed API call: the server's stable `code` and its message, already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly issues: ErrorBody['issues'];

  constructor(status: number, body: Pick<ErrorBody, 'code' | 'message'> & Partial<ErrorBody>) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId ?? null;
    this.issues = body.issues;
  }
}

/** Codes meaning "you are not signed in (any more)": the app must go back to the login page. */
const SESSION_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

// Module state rather than React state: every call needs these, including calls made
// outside components, and they change only on sign-in, sign-out and language switch.
const state: { locale: Locale; csrfToken: string | null; onSessionLost: ((code: string) => void) | null } = {
  locale: 'zh-CN',
  csrfToken: null,
  onSessionLost: null,
};

/** The language sent as Accept-Language, so server messages match the interface. */
export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

/** The CSRF token of the current session (from Me), sent on every write; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Registers what to do when any call finds the session gone (401). */
export function onSessionLost(handler: ((code: string) => void) | null): void {
  state.onSessionLost = handler;
}

/** Query values; undefined, null and '' are left out so optional filters stay optional. */
export type Query = Record<string, string | number | boolean | undefined | null>;

interface CallOptions {
  query?: Query | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

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

async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.locale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'NETWORK', message: translate(state.locale, 'common.networkError') });
  }

  const text = await response.text();
  let payload: unknown = null;
  try {
    if (text) payload = JSON.parse(text);
  } catch {
    // not JSON: a proxy's HTML error page, for example; handled as a bare status below
  }
  if (response.ok) return payload as T;

  const error = isErrorBody(payload)
    ? new ApiError(response.status, payload)
    : new ApiError(response.status, {
        code: `HTTP_${response.status}`,
        message: translate(state.locale, 'common.serverError', { status: response.status }),
      });
  if (response.status === 401 && SESSION_LOST.has(error.code)) state.onSessionLost?.(error.code);
  throw error;
}

/** The JSON API, with the session's CSRF token and the interface language on every call. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => call<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, { body }),
  delete: <T>(path: string) => call<T>('DELETE', path),
};

/** A message for any thrown value: the server's own text for API errors. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
