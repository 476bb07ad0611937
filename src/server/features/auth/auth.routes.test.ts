import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('POST /api/auth/login', () => {
  it('signs in a demo account with an HttpOnly, SameSite=Lax session cookie and returns its unit', async () => {
    const res = await login('xixing', 'Huimin@2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'xixing',
      role: 'community_admin',
      unit: { code: '350802003004', name: '西兴社区居委会' },
      locale: 'zh-CN',
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/huimin_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const t2 = await createTestApp({ config: { COOKIE_SECURE: 'always' } });
    const res = await t2.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Huimin@2026' },
    });
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    await t2.close();
  });

  it('refuses a wrong password in Chinese by default and in English when asked', async () => {
    const zh = await login('jiandu', 'wrong-Password1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await login('jiandu', 'wrong-Password1', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().message).toBe('Wrong username or password');
    const tw = await login('jiandu', 'wrong-Password1', { 'accept-language': 'zh-TW' });
    expect(tw.json().message).toBe('使用者名稱或密碼錯誤');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await login('nobody', 'Huimin@2026');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('records successful and failed logins in the audit log', async () => {
    await login('zhongcheng', 'nope-Nope1');
    await login('zhongcheng', 'Huimin@2026');
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after_json', 'ip'])
      .where('entity', '=', 'session')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['login', 'login.failed']);
    expect(rows[1]?.after_json).toContain('zhongcheng');
    expect(rows[0]?.ip).toBeTruthy();
  });

  it('locks an account for 30 minutes after 5 failed logins, even against the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('zhangwanzhen', `Wrong-${i}-pass`)).statusCode).toBe(401);
    const fifth = await login('zhangwanzhen', 'Wrong-5-pass');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect((await login('zhangwanzhen', 'Huimin@2026')).statusCode).toBe(423);
    t.clock.advanceMinutes(29);
    expect((await login('zhangwanzhen', 'Huimin@2026')).statusCode).toBe(423);
    t.clock.advanceMinutes(2);
    expect((await login('zhangwanzhen', 'Huimin@2026')).statusCode).toBe(200);
  });

  it('rejects a body with unknown fields and writes nothing', async () => {
    const before = await t.auditCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x', role: 'district_admin' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(await t.auditCount()).toBe(before);
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes with SESSION_EXPIRED', async () => {
    const c = await t.login('xicheng');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(20);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(20);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    expect((await c.get('/api/auth/me')).json().code).toBe('UNAUTHENTICATED');
  });

  it('are invalidated on the server by logout, so a kept cookie opens nothing', async () => {
    const c = await t.login('xicheng');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/org-units')).statusCode).toBe(401);
  });

  it('need the CSRF token for writes made with the cookie', async () => {
    const c = await t.login('xicheng');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/settings',
      payload: { largeFont: true },
      headers: { cookie: `huimin_session=${c.cookie}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/settings',
      payload: { largeFont: true },
      headers: { cookie: `huimin_session=${c.cookie}`, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await c.put('/api/auth/me/settings', { largeFont: true })).statusCode).toBe(200);
  });
});

describe('PUT /api/auth/me/settings', () => {
  it('keeps the language and large-font mode, audits the change, and answers errors in the chosen language', async () => {
    const c = await t.login('jiandu');
    expect((await c.put('/api/auth/me/settings', { locale: 'en', largeFont: true })).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ locale: 'en', largeFont: true });
    expect((await c.get('/api/org-units/999999')).json().message).toBe('Not found');
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toEqual({ locale: 'en', largeFont: true });
  });

  it('refuses an unknown language', async () => {
    const c = await t.login('admin');
    expect((await c.put('/api/auth/me/settings', { locale: 'fr' })).statusCode).toBe(400);
  });
});

describe('POST /api/auth/password', () => {
  it('enforces the policy, needs the current password, and ends other sessions', async () => {
    const c = await t.login('zhongcheng');
    const other = await t.login('zhongcheng');
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'Huimin@2026', newPassword: 'short' })).json().code,
    ).toBe('PASSWORD_TOO_WEAK');
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'Huimin@2026', newPassword: 'alllowercase1' })).json()
        .code,
    ).toBe('PASSWORD_TOO_WEAK');
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'bad', newPassword: 'Better#Pass1' })).json().code,
    ).toBe('WRONG_PASSWORD');
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'Huimin@2026', newPassword: 'Better#Pass1' })).statusCode,
    ).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('zhongcheng', 'Better#Pass1')).statusCode).toBe(200);
  });
});
