import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../config/config.ts';
import { buildApp } from '../app.ts';
import { createTestDatabase } from '../../../test/test-database.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const patchUnit = async (payload: string, contentType = 'application/json') =>
  admin.request({
    method: 'PATCH',
    url: `/api/org-units/${await t.unitId('350802003004')}`,
    payload,
    headers: { 'content-type': contentType },
  });

describe('bad input', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON and changes nothing', async () => {
    const before = await t.auditCount();
    const res = await patchUnit('{"address": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' });
    expect(await t.auditCount()).toBe(before);
  });

  it('answers a wrong content type with 415', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const res = await patchUnit('address=x', type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers unknown fields, wrong types and over-long strings with 400 naming the field', async () => {
    const before = await t.auditCount();
    for (const body of [{ address: 'x', fee: 10 }, { postKind: 3 }, { address: '址'.repeat(201) }, { lng: 'east' }]) {
      const res = await patchUnit(JSON.stringify(body));
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().issues.length).toBeGreaterThan(0);
    }
    expect(await t.auditCount()).toBe(before);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const res = await patchUnit(JSON.stringify({ address: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await admin.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '未找到' });
  });

  it('returns the request id in a header and in error bodies', async () => {
    const res = await admin.request({
      method: 'GET',
      url: '/api/org-units/0',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.json().requestId).toBe('trace-123');
  });
});

describe("Fastify's own refusals use the same envelope and language", () => {
  it('answers a path that is not valid percent-encoding with 400 BAD_REQUEST', async () => {
    for (const url of ['/api/org-units/%zz', '/api/org-units/%E0%A4%A/children', '/api/studios/%C0%AF']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'zh-TW' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        code: 'BAD_REQUEST',
        message: '請求無效',
        requestId: expect.any(String),
      });
    }
  });

  it('answers a parameter over the length limit with 414 URI_TOO_LONG', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/studios/${'9'.repeat(300)}`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toMatchObject({ code: 'URI_TOO_LONG', message: 'The request address is too long' });
  });

  it('answers a method the path does not take with 405 and an Allow header', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/auth/login' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', requestId: expect.any(String) });
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/studios/12' });
    expect(patch.statusCode).toBe(405);
    expect(String(patch.headers.allow)).toContain('GET');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/no-such-thing' })).statusCode).toBe(404);
  });
});

describe('server errors', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const handle = await createTestDatabase();
    drop = handle.drop;
    app = await buildApp({ db: handle.db, engine: handle.engine, config: testConfig(), webRoot: null });
    app.get('/api/explode', { config: { access: { public: true } } }, async () => {
      throw new Error('SELECT password_hash FROM accounts -- secret detail');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('answer 500 with a request id and no stack trace or SQL', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/explode', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('INTERNAL');
    expect(body.requestId).toBeTruthy();
    expect(body.message).toContain('request id');
    expect(res.body).not.toContain('SELECT');
    expect(res.body).not.toContain('at ');
  });

  it('refuse to register an API route without an access declaration', async () => {
    const handle = await createTestDatabase({ migrate: false });
    const bare = await buildApp({ db: handle.db, engine: handle.engine, config: testConfig(), webRoot: null });
    expect(() => bare.get('/api/undeclared', async () => ({}))).toThrow(/no access declaration/);
    await bare.close();
    await handle.drop();
  });
});
