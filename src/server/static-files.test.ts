import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config/config.ts';
import { compressBoth } from '../web/build/precompress.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { buildApp } from './app.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const script = `export const greeting = ${JSON.stringify('惠民 '.repeat(400))};\n`;
const page = `<!doctype html><title>console</title>${'<p>惠民</p>'.repeat(200)}`;

let app: FastifyInstance;
let drop: () => Promise<void>;
let webRoot: string;

/** A file of the build with the .br and .gz copies the build writes beside it. */
async function writeBuilt(path: string, text: string) {
  const source = Buffer.from(text);
  const { br, gz } = await compressBoth(source);
  writeFileSync(path, source);
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
}

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'huimin-static-'));
  mkdirSync(join(webRoot, 'assets'));
  await writeBuilt(join(webRoot, 'assets', 'index-D4hX9q1a.js'), script);
  await writeBuilt(join(webRoot, 'index.html'), page);
  writeFileSync(join(webRoot, 'resident.html'), '<!doctype html><title>resident</title>');
  writeFileSync(join(webRoot, 'sw.js'), "self.addEventListener('fetch', () => {});");
  const handle = await createTestDatabase();
  drop = handle.drop;
  app = await buildApp({ db: handle.db, engine: handle.engine, config: testConfig(), webRoot });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await drop();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static files', () => {
  it('send a hashed asset brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-D4hX9q1a.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
  });

  it('send gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gz = await get('/assets/index-D4hX9q1a.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-D4hX9q1a.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);
  });

  it('send the pages compressed but never as immutable: each visit revalidates them', async () => {
    for (const url of ['/login', '/workbench', '/index.html', '/assets/gone-1234.js']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(page);
    }
    const resident = await get('/s/1', 'br, gzip');
    expect(resident.body).toContain('<title>resident</title>');
    expect(resident.headers['cache-control']).toBe('no-cache');
  });

  it('have the browser revalidate the service worker, so a new version reaches it', async () => {
    const res = await get('/sw.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
