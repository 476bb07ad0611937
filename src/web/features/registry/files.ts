import { api, ApiError, type Query } from '../../lib/api.ts';
import { translate, type Locale } from '../../lib/i18n/index.ts';
import type { ErrorBody } from '../../../contract/common.ts';

// The JSON client (lib/api.ts) cannot send a raw body or receive a file, so the two calls of
// the registry that do are made here, with the same headers and the same error handling.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function urlOf(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Turns a failed response into the ApiError the JSON client would have thrown. */
async function failure(response: Response, locale: Locale): Promise<ApiError> {
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

function networkError(locale: Locale): ApiError {
  return new ApiError(0, { code: 'NETWORK', message: translate(locale, 'common.networkError') });
}

/** The filename a Content-Disposition header offers (RFC 6266 filename* first). */
function filenameOf(header: string | null, fallback: string): string {
  const star = header ? /filename\*=UTF-8''([^;]+)/i.exec(header) : null;
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = header ? /filename="([^"]+)"/i.exec(header) : null;
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file from the API and hands it to the browser as a download. Fetched rather
 * than linked so that a refusal shows the server's message instead of a page of JSON.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string, locale: Locale): Promise<string> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { headers: { 'accept-language': locale }, credentials: 'same-origin' });
  } catch {
    throw networkError(locale);
  }
  if (!response.ok) throw await failure(response, locale);
  const blob = await response.blob();
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

/** Sends a workbook as the raw request body (the import route reads the bytes, not a form). */
export async function uploadWorkbook(
  path: string,
  file: File,
  csrfToken: string,
  locale: Locale,
): Promise<{ id: number }> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, { filename: file.name }), {
      method: 'POST',
      headers: {
        'content-type': XLSX,
        accept: 'application/json',
        'accept-language': locale,
        'x-csrf-token': csrfToken,
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError(locale);
  }
  if (!response.ok) throw await failure(response, locale);
  return (await response.json()) as { id: number };
}
