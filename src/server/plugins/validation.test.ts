import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { createStudio } from '../../../test/factories/studios.ts';

// Finding 5 of the trust review: input that reached the database and failed there as a 500
// (or, worse, was read as some other value) must be a 4xx with a stable code, on both engines.

let t: TestApp;
let admin: Client;
let health: number;
let xixing: number;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  health = (await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()).id;
  xixing = await t.unitId('350802003004');
});
afterAll(() => t.close());

const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown, ip = '10.9.0.1') =>
  t.app.inject({ method, url, payload: payload as Record<string, unknown>, remoteAddress: ip });

function expectRefused(res: { statusCode: number; json: () => unknown }, what: string) {
  expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, what).toBeLessThan(500);
  expect(res.json(), what).toMatchObject({ code: expect.any(String), requestId: expect.any(String) });
}

describe('dates are real calendar dates', () => {
  it('refuses impossible dates in the pressing-needs period instead of failing with a RangeError', async () => {
    for (const [from, to] of [
      ['2026-13-01', '2026-13-31'],
      ['2026-02-30', '2026-03-01'],
      ['0000-00-00', '2026-01-01'],
      ['2026-00-10', '2026-01-10'],
    ]) {
      const res = await admin.get(`/api/needs/pressing?from=${from}&to=${to}`);
      expectRefused(res, `${from}..${to}`);
      expect((res.json() as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    expect((await admin.get('/api/needs/pressing?from=2024-02-01&to=2024-02-29')).statusCode).toBe(200);
  });

  it('does not store 2026-02-30, 2026-13-45 or 0000-00-00 as a day off, and accepts a leap day', async () => {
    for (const day of ['2026-02-30', '2026-13-45', '0000-00-00', '2025-02-29']) {
      const res = await admin.post('/api/mailbox/days-off', { day, reason: '调休' });
      expectRefused(res, day);
    }
    const stored = await t.db.selectFrom('calendar_days_off').select('day').execute();
    expect(stored.map((r) => r.day)).not.toContain('2026-02-30');
    expect((await admin.post('/api/mailbox/days-off', { day: '2028-02-29', reason: '调休' })).statusCode).toBeLessThan(
      300,
    );
  });

  it('refuses a record served on an impossible instant', async () => {
    const member = await t.login('zhangwanzhen');
    const studio = await createStudio(t.db, { status: 'active', category: 'health' });
    const res = await member.request({
      method: 'POST',
      url: '/api/records',
      headers: { 'idempotency-key': 'date-check-0001' },
      payload: {
        studioId: studio.id,
        servedAt: '2026-02-30T06:30:00.000Z',
        durationMinutes: 60,
        groups: ['elderly'],
        categoryId: health,
        mode: 'visit',
        content: '上门测量血压',
        personTimes: 1,
      },
    });
    expectRefused(res, 'servedAt 2026-02-30');
  });
});

describe('ids are positive integers within the column range', () => {
  it('refuses ids above 2,147,483,647 from anonymous residents with a 400, not a PostgreSQL overflow', async () => {
    const subscribe = await anonymous('POST', '/api/public/sms/subscribe', {
      unitId: 2_147_483_648,
      phone: '13711119999',
      consent: true,
    });
    expectRefused(subscribe, 'subscribe');
    expect((subscribe.json() as { code: string }).code).toBe('VALIDATION_FAILED');
    const request = await anonymous(
      'POST',
      '/api/public/requests',
      {
        categoryId: 99_999_999_999,
        text: '家里老人血压高，想请医生上门看看',
        unitId: xixing,
        residentName: '王秀兰',
        residentPhone: '13900009999',
      },
      '10.9.0.2',
    );
    expectRefused(request, 'public request');
    expect((await anonymous('GET', '/api/public/studios/2147483648')).statusCode).toBe(400);
    expect((await admin.get('/api/volunteers?under=9007199254740993')).statusCode).toBe(400);
  });

  it('refuses path ids such as " 1", "0x10", "1\\n", "+1", "1e1" and "01" instead of reading another id', async () => {
    const studio = await createStudio(t.db, { status: 'active', category: 'health' });
    const street = await t.login('xicheng');
    const id = String(studio.id);
    const hex = `0x${studio.id.toString(16)}`;
    for (const raw of [` ${id}`, hex, `${id}\n`, `+${id}`, `${id}.0`, `0${id}`, '-1', '0']) {
      const res = await street.post(`/api/studios/${encodeURIComponent(raw)}/revoke`, {
        reason: '测试',
        decidedOn: '2026-11-25',
      });
      expectRefused(res, JSON.stringify(raw));
    }
    const after = await t.db
      .selectFrom('studios')
      .select('status')
      .where('id', '=', studio.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('active');
    expect((await street.get(`/api/studios/${id}`)).statusCode).toBe(200);
  });
});

describe('unknown categories are the client’s mistake', () => {
  it('answers an unknown categoryIds on a volunteer with 400, not a foreign-key failure', async () => {
    const res = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '测试人员',
      phone: '13600009991',
      unitId: xixing,
      categoryIds: [health, 987_654],
    });
    expectRefused(res, 'volunteer categoryIds');
    expect((res.json() as { code: string }).code).toBe('VALIDATION_FAILED');
    const created = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '测试人员',
      phone: '13600009991',
      unitId: xixing,
      categoryIds: [health],
    });
    expect(created.statusCode).toBe(201);
    const updated = await admin.put(`/api/volunteers/${(created.json() as { id: number }).id}`, {
      kind: 'talent',
      name: '测试人员',
      phone: '13600009991',
      unitId: xixing,
      categoryIds: [987_654],
    });
    expectRefused(updated, 'volunteer update');
  });

  it('answers an unknown categoryId on a service record with 400 and writes nothing', async () => {
    const member = await t.login('zhangwanzhen');
    const studio = await createStudio(t.db, { status: 'active', category: 'health' });
    const res = await member.request({
      method: 'POST',
      url: '/api/records',
      headers: { 'idempotency-key': 'unknown-category-0001' },
      payload: {
        studioId: studio.id,
        servedAt: '2026-11-25T06:30:00.000Z',
        durationMinutes: 60,
        groups: ['elderly'],
        categoryId: 987_654,
        mode: 'visit',
        content: '上门测量血压',
        personTimes: 1,
      },
    });
    expectRefused(res, 'record categoryId');
    expect((res.json() as { code: string }).code).toBe('VALIDATION_FAILED');
    const written = await t.db.selectFrom('service_records').select('id').where('studio_id', '=', studio.id).execute();
    expect(written).toHaveLength(0);
  });
});

describe('text refuses NUL', () => {
  it('answers a NUL in the anonymous login with 400 in the request’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'x' },
      headers: { 'accept-language': 'en' },
      remoteAddress: '10.9.0.3',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'body.username', message: 'must not contain a NUL character (U+0000)' }],
    });
  });

  it('answers a NUL in a query, a path and a nested body field with 400', async () => {
    expectRefused(await admin.get(`/api/volunteers?q=${encodeURIComponent('张\u0000')}`), 'query');
    expectRefused(await admin.get('/api/public/requests/AB%00CDEFGH'), 'path');
    const res = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '林\u0000医生',
      phone: '13600009992',
      unitId: xixing,
    });
    expectRefused(res, 'body');
    expect((res.json() as { issues: Array<{ message: string }> }).issues[0]?.message).toBe('不能包含空字符（U+0000）');
  });
});

describe('validation messages follow the request’s language', () => {
  it('gives zod’s own messages in Simplified Chinese, Traditional Chinese or English', async () => {
    const ask = async (language: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 42, password: 'x' },
          headers: { 'accept-language': language },
          remoteAddress: '10.9.0.4',
        })
      ).json() as { issues: Array<{ path: string; message: string }> };
    expect((await ask('zh-CN')).issues[0]?.message).toMatch(/期望/);
    expect((await ask('zh-TW')).issues[0]?.message).toMatch(/預期|期望/);
    expect((await ask('en')).issues[0]?.message).toMatch(/expected string/);
  });
});
