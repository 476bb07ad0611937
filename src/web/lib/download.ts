import type { ErrorBody } from '../../contract/common.ts';
import { api, ApiError, type Query } from './api.ts';
import { translate, type Locale } from './i18n/index.ts';

// The JSON client (api.ts) cannot receive a file, so downloads are made here, with the same
// headers and the same error handling.

/** An address with its query; undefined, null and '' are left out. */
export function urlOf(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Turns a failed response into the ApiError the JSON client would have thrown. */
export async function failure(response: Response, locale: Locale): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON
  }
  if (response.status === 401) {
    // Let the shared client notice the lost session (it owns the sign-out handler).
    await api.get('/api/auth/me').catch(() => undefined);
  }
  const b = body as Partial<ErrorBody> | null;
  if (b && typeof b.code === 'string' && typeof b.message === 'string')
    return new ApiError(response.status, { code: b.code, message: b.message, issues: b.issues });
  return new ApiError(response.status, {
    code: `HTTP_${response.status}`,
    message: translate(locale, 'common.serverError', { status: response.status }),
  });
}

export function networkError(locale: Locale): ApiError {
  return new ApiError(0, { code: 'NETWORK', message: translate(locale, 'common.networkError') });
}

/** The filename a Content-Disposition header offers (RFC 6266: filename* first). */
export function filenameOf(header: string | null, fallback: string): string {
  const star = header ? /filename\*=UTF-8''([^;]+)/i.exec(header) : null;
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = header ? /filename="([^"]+)"/i.exec(header) : null;
  return plain?.[1] ?? fallback;
}

/** How far a download has got: bytes so far, and the rows the server said the file holds. */
export interface DownloadProgress {
  bytes: number;
  rows: number | null;
}

async function bodyOf(response: Response, onProgress?: (p: DownloadProgress) => void): Promise<Blob> {
  const rowsHeader = response.headers.get('x-export-rows');
  const rows = rowsHeader === null ? null : Number(rowsHeader);
  if (!onProgress || !response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  onProgress({ bytes, rows });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress({ bytes, rows });
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' });
}

/**
 * Downloads a file from the API and hands it to the browser under the name the server gave
 * it. Fetched rather than linked so that a refusal shows the server's message instead of a
 * page of JSON, and so that a large export can show how far it has got.
 */
export async function downloadFile(
  path: string,
  query: Query,
  fallbackName: string,
  locale: Locale,
  onProgress?: (p: DownloadProgress) => void,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { headers: { 'accept-language': locale }, credentials: 'same-origin' });
  } catch {
    throw networkError(locale);
  }
  if (!response.ok) throw await failure(response, locale);
  const blob = await bodyOf(response, onProgress);
  const name = filenameOf(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
