import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { migrations } from '../../../db/migrations/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports the engine, the schema version and the app version without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { engine: t.engine, reachable: true, schemaVersion: Object.keys(migrations(t.engine)).at(-1) },
      appVersion: '0.1.0',
      // The tests import the sources; a bundled server says 'bundle' (test/system/server-bundle.test.ts).
      runsFrom: 'source',
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every API route, generated from the zod contracts', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of t.app.routeAccess) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    expect(JSON.stringify(doc.paths['/api/auth/login'])).toContain('username');
  });

  it('serves the docs page at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
