// HTTP helpers: sign in, one request, one checked read.
import { request as httpRequest } from 'node:http';

/** A signed-in account: its cookie, CSRF token and id. */
export interface Session {
  cookie: string;
  csrf: string;
  accountId: number;
}

/** Signs in and returns the session, or throws with the server's answer. */
export async function login(port: number, username: string, password: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('huimin_session='));
  if (!cookie) throw new Error(`login as ${username} set no session cookie`);
  const me = (await res.json()) as { id: number; csrfToken: string };
  return { cookie: cookie.split(';')[0] as string, csrf: me.csrfToken, accountId: me.id };
}

/** One request over node:http (no client time limit: an import's commit can take minutes). */
export function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A GET answered with JSON: its status, body and size. */
export async function getJson<T>(
  port: number,
  path: string,
  cookie?: string,
): Promise<{ status: number; body: T; bytes: number }> {
  const res = await call(port, 'GET', path, cookie ? { cookie } : {});
  return { status: res.status, body: JSON.parse(res.text) as T, bytes: Buffer.byteLength(res.text) };
}

/** One request of an org-unit listing, checked, so that the load is known to measure real answers. */
export async function check(port: number, path: string, cookie: string, expectTotal: number): Promise<void> {
  const { status, body } = await getJson<{ items?: unknown[]; total?: number }>(port, path, cookie);
  const items = body.items?.length ?? -1;
  if (status !== 200 || body.total !== expectTotal || items !== Math.min(50, expectTotal)) {
    throw new Error(
      `${path} answered ${status} with total ${body.total}, ${items} items; expected total ${expectTotal}`,
    );
  }
}
