import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../test/server-process.ts';
import { onPostgres, TEST_PG_URL } from '../../test/test-database.ts';

/** On PostgreSQL each started server gets a schema of its own, named in the connection string. */
const schemas: string[] = [];
async function pgQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(text);
  await c.end();
}

async function databaseEnv(): Promise<Record<string, string>> {
  if (!onPostgres) return {};
  const schema = `p_${randomBytes(6).toString('hex')}`;
  await pgQuery(`create schema ${schema}`);
  schemas.push(schema);
  return { DATABASE_URL: `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` };
}

const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop('SIGKILL');
  for (const schema of schemas) await pgQuery(`drop schema ${schema} cascade`);
});

describe('starting the server', () => {
  it('migrates an empty database, loads the demo data when asked, serves, and shuts down cleanly on SIGTERM', async () => {
    const server = await startServer({ ...(await databaseEnv()), HUIMIN_DEMO: '1' });
    started.push(server);
    expect(server.output()).toMatch(/demo data loaded/);
    expect(server.output()).toMatch(/DEMO MODE/);
    expect(server.output()).toMatch(onPostgres ? /PostgreSQL/ : /SQLite/);
    const health = await fetch(`${server.url}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', database: { reachable: true }, demo: true });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'xicheng', password: 'Huimin@2026' }),
    });
    expect(login.status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('starts without demo data, demo banner or known-password account unless asked (no HUIMIN_DEMO)', async () => {
    // An empty value counts as unset, whatever the environment running the tests holds.
    const server = await startServer({ ...(await databaseEnv()), HUIMIN_DEMO: '' });
    started.push(server);
    expect(server.output()).not.toMatch(/demo data loaded|DEMO MODE/);
    expect((await fetch(`${server.url}/api/health`).then((r) => r.json())).demo).toBe(false);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Huimin@2026' }),
    });
    expect(login.status).toBe(401);
    await server.stop();
  });

  it('refuses to start with an invalid configuration and says why', async () => {
    await expect(startServer({ PORT: 'abc', HUIMIN_DEMO: 'perhaps' }, 20_000)).rejects.toThrow(
      /PORT[\s\S]*HUIMIN_DEMO/,
    );
  });
});
