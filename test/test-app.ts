import type { FastifyInstance, FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import { testConfig, type Config } from '../src/config/config.ts';
import { DEMO_PASSWORD, loadDemoData } from '../src/db/seed/demo.ts';
import { rebuildRollups } from '../src/server/features/statistics/rollups.commands.ts';
import { buildApp } from '../src/server/app.ts';
import { setBusinessTimeZone } from '../src/server/time.ts';
import type { Clock } from '../src/server/context.ts';
import { createTestDatabase } from './test-database.ts';
import { demoPasswordHash } from './factories/accounts.ts';

/** A clock a test can move forward. */
export class TestClock implements Clock {
  private t: number;
  constructor(start = Date.parse('2026-11-25T08:00:00.000Z')) {
    this.t = start;
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
}

export { demoPasswordHash };

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The app on a fresh database with the Xinluo demo data, plus helpers to act as a demo user. */
export async function createTestApp(
  options: { config?: Partial<Config>; demo?: boolean; logger?: FastifyServerOptions['logger'] } = {},
) {
  const handle = await createTestDatabase();
  const clock = new TestClock();
  const config = testConfig({ HUIMIN_DEMO: true, HUIMIN_PUBLIC_URL: 'https://huimin.example.cn', ...options.config });
  // As a server's start does: the demo's dates and the rollups' days are the configured zone's.
  setBusinessTimeZone(config.HUIMIN_TIME_ZONE);
  if (options.demo !== false) await loadDemoData(handle.db, clock.now().toISOString(), await demoPasswordHash());
  // As a server's start does (src/server/bootstrap.ts): the demo's records are counted in the rollups.
  await rebuildRollups(handle.db, handle.engine, clock.now().toISOString(), { onlyIfUnbuilt: true });
  const app = await buildApp(
    {
      db: handle.db,
      engine: handle.engine,
      // A test app is a demo instance: its accounts (demo and built) have the demo password. Its
      // public address is set, so printing works; a test of the unset case passes undefined.
      config,
      clock,
      webRoot: null,
    },
    options.logger ? { logger: options.logger } : {},
  );
  await app.ready();
  return {
    app,
    db: handle.db,
    engine: handle.engine,
    clock,
    /** Signs in as a demo user and returns a client that sends its cookie and CSRF token. */
    login: (username: string, password = DEMO_PASSWORD) => signIn(app, username, password),
    /** The id of a unit by its code. */
    unitId: async (code: string) =>
      (await handle.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id,
    auditCount: async () =>
      Number(
        (
          await handle.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    close: async () => {
      await app.close();
      await handle.drop();
    },
  };
}

/** A signed-in client. */
export interface Client {
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = (res.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'huimin_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `huimin_session=${cookie.value}`, 'x-csrf-token': csrf };
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
    request(body === undefined ? { method, url } : { method, url, payload: body as InjectOptions['payload'] });
  return {
    cookie: cookie.value,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
