import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Selectable } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { roleMayEver } from '../../src/domain/access/rules.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { RouteAccess } from '../../src/server/context.ts';
import { createTestApp, signIn, type Client, type TestApp } from '../test-app.ts';
import { operationsOf, otherMethods, requestsFor, type FuzzRequest, type Operation } from './requests.ts';

// The API fuzzer (issue 9, finding 6): reads /api/openapi.json and sends every operation, as
// anonymous and as each role allowed to call it, RUNS generated malformed requests each. It
// fails on any 5xx, any error body without `code` and `requestId`, and any stack trace or SQL
// in a body. FUZZ_SEED replays a run; FUZZ_RUNS changes the count per caller and operation.

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const roleUsers: Record<Role, string> = {
  district_admin: 'admin',
  street_admin: 'xicheng',
  community_admin: 'xixing',
  member: 'zhangwanzhen',
  supervisor: 'jiandu',
};

const stackTrace = [/\n\s+at [^\n]+:\d+:\d+/, /node_modules\//, /\/src\/[\w/-]+\.ts\b/, /\b\w+Error: .+\n/];
const sqlText = [
  /\bselect\b[^"]{0,200}\bfrom\b/i,
  /\binsert into\b/i,
  /\bupdate\b \S+ \bset\b/i,
  /\bdelete from\b/i,
  /violates [\w -]+constraint/i,
  /duplicate key value/i,
  /syntax error at or near/i,
  /SQLITE_\w+|constraint failed|no such (table|column)/i,
  /relation "[^"]+" does not exist/i,
];

interface Failure {
  operation: string;
  caller: string;
  request: FuzzRequest;
  status: number;
  why: string;
  body: string;
}

let t: TestApp;
const clients = new Map<Role, Client>();
const sessionRows = new Map<Role, Selectable<Database['sessions']>>();

async function clientOf(role: Role): Promise<Client> {
  const known = clients.get(role);
  if (known) return known;
  const client = await signIn(t.app, roleUsers[role]);
  const row = await t.db
    .selectFrom('sessions')
    .selectAll()
    .where('csrf_token', '=', client.csrf)
    .executeTakeFirstOrThrow();
  sessionRows.set(role, row);
  clients.set(role, client);
  return client;
}

/**
 * A fuzzed request may have signed the role out, disabled or locked its account: put the
 * account and its session back as they were (cheaper than signing in again, which hashes).
 */
async function restore(role: Role): Promise<void> {
  await t.db
    .updateTable('accounts')
    .set({ disabled: 0, failed_count: 0, locked_until: null })
    .where('username', '=', roleUsers[role])
    .execute();
  const row = sessionRows.get(role);
  if (!row) return;
  const exists = await t.db.selectFrom('sessions').select('id').where('id', '=', row.id).executeTakeFirst();
  if (!exists) await t.db.insertInto('sessions').values(row).execute();
}

function accessOf(op: Operation): RouteAccess | undefined {
  const url = op.path.replace(/\{(\w+)\}/g, ':$1');
  return t.app.routeAccess.find((r) => r.method === op.method && r.url === url)?.access;
}

function callersOf(access: RouteAccess | undefined): Array<Role | 'anonymous'> {
  if (!access || 'public' in access) return ['anonymous'];
  const roles = (Object.keys(roleUsers) as Role[]).filter(
    (role) => 'authenticated' in access || roleMayEver(role, access.action, access.subject),
  );
  return ['anonymous', ...roles];
}

function problemsOf(res: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  const type = String(res.headers['content-type'] ?? '');
  const textual = /json|text|svg|html/.test(type) || type === '';
  if (res.statusCode >= 400) {
    try {
      const body = res.json() as { code?: unknown; requestId?: unknown; message?: unknown };
      if (typeof body.code !== 'string' || typeof body.requestId !== 'string' || typeof body.message !== 'string')
        problems.push('error body without code, message and requestId');
    } catch {
      problems.push('error body is not JSON');
    }
  }
  if (textual) {
    const body = res.body;
    if (stackTrace.some((re) => re.test(body))) problems.push('stack trace in body');
    if (sqlText.some((re) => re.test(body))) problems.push('SQL in body');
  }
  return problems;
}

const totals = new Map<number, number>();
const failures: Failure[] = [];
let sent = 0;

async function send(caller: Role | 'anonymous', op: string, request: FuzzRequest, ip: string) {
  const client = caller === 'anonymous' ? null : await clientOf(caller);
  const headers = client
    ? { ...request.headers, cookie: `huimin_session=${client.cookie}`, 'x-csrf-token': client.csrf }
    : request.headers;
  const res = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    remoteAddress: ip,
  });
  sent++;
  totals.set(res.statusCode, (totals.get(res.statusCode) ?? 0) + 1);
  for (const why of problemsOf(res)) {
    failures.push({ operation: op, caller, request, status: res.statusCode, why, body: res.body.slice(0, 300) });
  }
  if (client && res.statusCode === 401) await restore(caller as Role);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the API under malformed requests', () => {
  it(`answers every operation, anonymous and as each allowed role, ${RUNS} requests each, without a server error`, async () => {
    const started = Date.now();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Parameters<
      typeof operationsOf
    >[0];
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    let n = 0;
    const timings: Array<[string, number]> = [];
    for (const op of ops) {
      const name = `${op.method} ${op.path}`;
      const requests = fc.sample(requestsFor(op), { numRuns: RUNS, seed: SEED + n++ });
      // Anonymous sends every request; the roles allowed to call the operation take turns with
      // the same requests, so each request is also tried by someone who passes the access check.
      const [anonymous, ...roles] = callersOf(accessOf(op));
      const opStarted = Date.now();
      for (const [i, request] of requests.entries()) {
        const ip = `10.${n % 250}.${(i >> 8) % 250}.${i % 250}`;
        if (anonymous) await send(anonymous, name, request, ip);
        const role = roles[i % Math.max(roles.length, 1)];
        if (role) await send(role, name, request, ip);
      }
      timings.push([name, Date.now() - opStarted]);
      // A method the path does not declare answers 405 in the same envelope.
      const declared = new Set(ops.filter((o) => o.path === op.path).map((o) => o.method));
      const other = otherMethods.find((m) => !declared.has(m));
      if (other && op === ops.find((o) => o.path === op.path)) {
        const url = op.path.replace(/\{\w+\}/g, '1');
        await send(
          'anonymous',
          `${other} ${op.path}`,
          { method: other, url, headers: {}, kinds: ['method'] },
          '10.0.0.9',
        );
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const engine = t.engine;
    const statusLine = [...totals.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      `fuzz summary (${engine}): ${ops.length} operations, ${sent} requests in ${seconds.toFixed(1)} s, seed ${SEED}; ${statusLine}; ${failures.length} failures`,
    );
    if (process.env.FUZZ_TIMINGS)
      console.log(
        timings
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([op, ms]) => `${op}: ${ms} ms`)
          .join('\n'),
      );
    const firstOfEach = new Map(failures.map((f) => [`${f.why} ${f.operation}`, f]));
    for (const f of [...firstOfEach.values()].slice(0, 40)) {
      console.log(
        `FAIL ${f.why}: ${f.operation} as ${f.caller} -> ${f.status} [${f.request.kinds.join(',')}] ${f.request.method} ${f.request.url.slice(0, 200)} ${JSON.stringify(f.request.headers['content-type'] ?? '')} ${JSON.stringify((f.request.payload ?? '').slice(0, 200))}\n    ${f.body}`,
      );
    }
    expect([...firstOfEach.keys()]).toEqual([]);
  });
});
