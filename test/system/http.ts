/** A signed-in HTTP client of a running server process, for the system tests. */
export interface HttpClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  /** Sends raw bytes (an uploaded file) with their content type. */
  upload(path: string, bytes: Buffer, contentType: string): Promise<Response>;
}

/** The demo accounts' documented password (demo data only). */
export const DEMO_PASSWORD = 'Huimin@2026';

/** A client without a session (the public pages and API). */
export function anonymous(baseUrl: () => string): HttpClient {
  return clientOf(baseUrl, '', '');
}

/** Signs in with the demo password; `baseUrl` is read per call, so a restarted server on a new port is followed. */
export async function signInAt(baseUrl: () => string, username: string, password = DEMO_PASSWORD): Promise<HttpClient> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return clientOf(baseUrl, cookie, csrf);
}

function clientOf(baseUrl: () => string, cookie: string, csrf: string): HttpClient {
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body) => request('PUT', path, body),
    upload: (path, bytes, contentType) =>
      fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}), 'content-type': contentType },
        body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(60_000),
      }),
  };
}
