import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../config/config.ts';
import { loadDemoData } from '../../db/seed/demo.ts';
import { buildApp } from '../app.ts';
import { createTestDatabase } from '../../../test/test-database.ts';
import { demoPasswordHash, signIn, type Client } from '../../../test/test-app.ts';
import { pagePolicy, tileUrlOrigin } from './security-headers.ts';

let app: FastifyInstance;
let drop: () => Promise<void>;
let webRoot: string;
let admin: Client;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'huimin-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(webRoot, 'resident.html'), '<!doctype html><title>resident</title>');
  writeFileSync(join(webRoot, 'sw.js'), "self.addEventListener('install', () => fetch('/index.html'));");
  const handle = await createTestDatabase();
  drop = handle.drop;
  await loadDemoData(handle.db, new Date().toISOString(), await demoPasswordHash());
  app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    config: testConfig({ TRUST_PROXY: true, HUIMIN_DEMO: true }),
    webRoot,
  });
  await app.ready();
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await drop();
  rmSync(webRoot, { recursive: true, force: true });
});

const policyOf = async (url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url, headers });
  return { res, policy: String(res.headers['content-security-policy'] ?? '') };
};

describe('security headers', () => {
  it('serve the console and resident pages with a policy that runs no inline script and cannot be framed', async () => {
    for (const url of ['/login', '/map', '/find', '/s/1']) {
      const { res, policy } = await policyOf(url);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(policy, url).toContain("script-src 'self';");
      expect(policy, url).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval'|\*)/);
      expect(policy, url).toContain("object-src 'none'");
      expect(policy, url).toContain("frame-ancestors 'none'");
      expect(policy, url).toContain("base-uri 'self'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('give API answers a deny-all policy and X-Frame-Options', async () => {
    const { res, policy } = await policyOf('/api/health');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('let the service worker fetch from its own origin: it runs under its script’s policy', async () => {
    const { res, policy } = await policyOf('/sw.js');
    expect(res.statusCode).toBe(200);
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('send HSTS only over HTTPS (here through a trusted proxy)', async () => {
    expect((await policyOf('/login')).res.headers['strict-transport-security']).toBeUndefined();
    const secure = await policyOf('/login', { 'x-forwarded-proto': 'https' });
    expect(secure.res.headers['strict-transport-security']).toMatch(/max-age=\d{8}/);
  });

  it('let pages load images only from the configured tile source', async () => {
    const imgSrc = async () => (await policyOf('/map')).policy.split('; ').find((d) => d.startsWith('img-src')) ?? '';
    expect(await imgSrc()).toBe("img-src 'self' data: blob:");
    const save = (tiles: unknown) => admin.put('/api/map/settings', { tiles, coverageRadiusM: 1000 });
    expect((await save({ kind: 'amap', key: '' })).statusCode).toBe(200);
    expect(await imgSrc()).toBe("img-src 'self' data: blob: https://*.is.autonavi.com");
    expect(
      (await save({ kind: 'osm', url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', attribution: '© OSM' }))
        .statusCode,
    ).toBe(200);
    expect(await imgSrc()).toBe("img-src 'self' data: blob: https://*.tile.example.org");
    // A URL that tries to write a directive of its own adds nothing.
    const sneaky = await save({
      kind: 'osm',
      url: "https://x.org;script-src 'unsafe-inline'/{z}/{x}/{y}",
      attribution: '',
    });
    expect(sneaky.statusCode).toBe(200);
    const { policy } = await policyOf('/map');
    expect(policy.match(/script-src/g)).toHaveLength(1);
    expect(policy.match(/unsafe-inline/g)).toHaveLength(1);
    expect((await save({ kind: 'none' })).statusCode).toBe(200);
  });
});

describe('tileUrlOrigin', () => {
  it('reads the origin of a tile URL template, with {s} in the first label as a wildcard', () => {
    expect(tileUrlOrigin('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.openstreetmap.org',
    );
    expect(tileUrlOrigin('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(tileUrlOrigin('https://a.{s}.example.org/{z}/{x}/{y}')).toBeNull();
    expect(tileUrlOrigin('https://x.org; script-src *')).toBeNull();
    expect(tileUrlOrigin('javascript:alert(1)')).toBeNull();
    expect(pagePolicy([])).not.toMatch(/script-src[^;]*unsafe/);
  });
});
