import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}, from = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers,
    remoteAddress: from,
  });

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
    expect(String(res.headers['set-cookie'])).toMatch(/^__Host-huimin_session=.*; Path=\/; HttpOnly; Secure/);
    await t2.close();
  });

  it('behind a trusted HTTPS proxy sets a __Host- Secure cookie and reads only that one', async () => {
    const t2 = await createTestApp({ config: { TRUST_PROXY: true } });
    const https = { 'x-forwarded-proto': 'https' };
    const res = await t2.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Huimin@2026' },
      headers: https,
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-huimin_session=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    const token = (res.cookies as Array<{ name: string; value: string }>)[0]?.value ?? '';
    const me = (name: string, headers: Record<string, string>) =>
      t2.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...headers, cookie: `${name}=${token}` } });
    expect((await me('__Host-huimin_session', https)).statusCode).toBe(200);
    // A cookie without the prefix (one a plain-HTTP response or a subdomain could plant) is ignored over HTTPS.
    expect((await me('huimin_session', https)).statusCode).toBe(401);
    // The proxy header counts only when the proxy is trusted.
    const direct = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Huimin@2026' },
      headers: https,
    });
    expect(String(direct.headers['set-cookie'])).toMatch(/^huimin_session=/);
    expect(String(direct.headers['set-cookie'])).not.toMatch(/Secure/);
    await t2.close();
  });

  it('refuses a wrong password in Chinese by default and in English when asked', async () => {
    const zh = await login('jiandu', 'wrong-Password1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误；多次失败后请稍候几分钟再试',
    });
    const en = await login('jiandu', 'wrong-Password1', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().message).toBe(
      'Wrong username or password; after several failures, wait a few minutes before trying again',
    );
    const tw = await login('jiandu', 'wrong-Password1', { 'accept-language': 'zh-TW' });
    expect(tw.json().message).toBe('使用者名稱或密碼錯誤；多次失敗後請稍候幾分鐘再試');
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

  it('holds an account back after 5 failures from one address, with delays that double from a minute', async () => {
    const from = '10.0.1.1';
    for (let i = 0; i < 5; i++) expect((await login('zhangwanzhen', `Wrong-${i}-pass`, {}, from)).statusCode).toBe(401);
    // Held back: even the right password is not checked, and the answer is the same 401.
    const held = await login('zhangwanzhen', 'Huimin@2026', {}, from);
    expect(held.statusCode).toBe(401);
    expect(held.json().code).toBe('INVALID_CREDENTIALS');
    t.clock.advanceMinutes(1.1);
    expect((await login('zhangwanzhen', 'Wrong-6-pass', {}, from)).statusCode).toBe(401);
    t.clock.advanceMinutes(1.1);
    expect((await login('zhangwanzhen', 'Huimin@2026', {}, from)).statusCode).toBe(401);
    t.clock.advanceMinutes(1);
    expect((await login('zhangwanzhen', 'Huimin@2026', {}, from)).statusCode).toBe(200);
    // A success forgets the streak: the next failure is free again.
    expect((await login('zhangwanzhen', 'Wrong-7-pass', {}, from)).statusCode).toBe(401);
    expect((await login('zhangwanzhen', 'Huimin@2026', {}, from)).statusCode).toBe(200);
  });

  it('does not let an outsider lock the owner out: failures from one address leave other addresses alone', async () => {
    for (let i = 0; i < 12; i++) await login('xixing', `Outsider-${i}-guess`, {}, '10.0.2.66');
    expect((await login('xixing', 'Huimin@2026', {}, '10.0.2.66')).statusCode).toBe(401);
    expect((await login('xixing', 'Huimin@2026', {}, '10.0.2.7')).statusCode).toBe(200);
  });

  it('holds an account back when the guesses come from many addresses', async () => {
    for (let i = 0; i < 20; i++) await login('jiandu', `Spread-${i}-guess`, {}, `10.0.3.${i + 1}`);
    expect((await login('jiandu', 'Huimin@2026', {}, '10.0.3.200')).statusCode).toBe(401);
    t.clock.advanceMinutes(1.1);
    expect((await login('jiandu', 'Huimin@2026', {}, '10.0.3.200')).statusCode).toBe(200);
  });

  it('holds an address back that sprays passwords over many usernames, and logs it in a few rows', async () => {
    const from = '10.0.4.4';
    const before = await t.auditCount();
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push((await login(`spray${i}`, 'Huimin@2026', {}, from)).statusCode);
    expect(new Set(answers)).toEqual(new Set([401]));
    // Held back for every account now, even with the right password of a real one...
    expect((await login('xicheng', 'Huimin@2026', {}, from)).statusCode).toBe(401);
    // ...and 100 failed attempts are not 100 audit rows (one per streak, none while held back).
    const rows = (await t.auditCount()) - before;
    expect(rows).toBeLessThanOrEqual(20);
    const one = await t.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'login.failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(one.after_json ?? '{}')).toMatchObject({ reason: 'unknown', failures: 1 });
  });

  it('writes one audit row per streak, not one per attempt, when one account is hammered', async () => {
    const before = await t.auditCount();
    for (let i = 0; i < 30; i++) await login('xicheng', `Hammer-${i}-pass`, {}, '10.0.5.5');
    expect((await t.auditCount()) - before).toBeLessThanOrEqual(2);
  });

  it('answers an unknown user, a held-back account and a wrong password alike, in comparable time', async () => {
    const held = (await buildAccount(t.db)).username;
    const other = (await buildAccount(t.db)).username;
    for (let i = 0; i < 5; i++) await login(held, `Hold-${i}-back`, {}, '10.0.6.1');
    const strip = (r: Awaited<ReturnType<typeof login>>) => {
      const { requestId, ...rest } = r.json() as Record<string, unknown>;
      expect(requestId).toBeTruthy();
      return { status: r.statusCode, ...rest };
    };
    const unknown = strip(await login('no-such-user', 'Guess-123-pass', {}, '10.0.6.2'));
    const heldBack = strip(await login(held, 'Guess-123-pass', {}, '10.0.6.1'));
    const wrong = strip(await login(other, 'Guess-123-pass', {}, '10.0.6.3'));
    expect(unknown).toEqual(wrong);
    expect(heldBack).toEqual(wrong);

    // The three kinds take turns, so a burst of load on a shared machine slows all three alike.
    const kinds = {
      wrong: (i: number) => login(other, `Wrong-${i}-timing`, {}, `10.0.7.${i}`),
      unknown: (i: number) => login(`ghost${i}`, `Wrong-${i}-timing`, {}, `10.0.8.${i}`),
      held: (i: number) => login(held, `Wrong-${i}-timing`, {}, '10.0.6.1'),
    };
    const times = { wrong: [] as number[], unknown: [] as number[], held: [] as number[] };
    for (let i = 0; i < 9; i++)
      for (const kind of ['wrong', 'unknown', 'held'] as const) {
        const start = performance.now();
        await kinds[kind](i);
        times[kind].push(performance.now() - start);
      }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const [wrongMs, unknownMs, heldMs] = [median(times.wrong), median(times.unknown), median(times.held)];
    console.log(`median ms: wrong ${wrongMs.toFixed(1)}, unknown ${unknownMs.toFixed(1)}, held ${heldMs.toFixed(1)}`);
    for (const ms of [unknownMs, heldMs]) {
      expect(ms / wrongMs).toBeGreaterThan(0.5);
      expect(ms / wrongMs).toBeLessThan(2);
    }
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

  it('stay alive with SESSION_IDLE_MINUTES=1 while a request comes every 50 seconds', async () => {
    const t2 = await createTestApp({ config: { SESSION_IDLE_MINUTES: 1 } });
    const c = await t2.login('xicheng');
    for (let i = 0; i < 8; i++) {
      t2.clock.advanceMinutes(50 / 60);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    t2.clock.advanceMinutes(1.1);
    expect((await c.get('/api/auth/me')).json().code).toBe('SESSION_EXPIRED');
    await t2.close();
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
    const change = (currentPassword: string, newPassword: string) =>
      c.post('/api/auth/password', { currentPassword, newPassword });
    expect((await change('Huimin@2026', 'Short#1')).json().code).toBe('PASSWORD_TOO_SHORT');
    expect((await change('bad', 'Better#Pass12')).json().code).toBe('WRONG_PASSWORD');
    expect((await change('Huimin@2026', 'Better#Pass12')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('zhongcheng', 'Better#Pass12')).statusCode).toBe(200);
  });

  it('refuses the 10,000 most common passwords, the username inside it and the current one, in three languages', async () => {
    const c = await t.login('xicheng');
    const change = async (currentPassword: string, newPassword: string, locale = 'zh-CN') => {
      // A signed-in account's messages follow its own language setting.
      await c.put('/api/auth/me/settings', { locale });
      const res = await c.post('/api/auth/password', { currentPassword, newPassword });
      return { status: res.statusCode, code: res.json().code as string, message: res.json().message as string };
    };
    expect(await change('Huimin@2026', 'qwerty123456')).toMatchObject({
      status: 400,
      code: 'PASSWORD_TOO_COMMON',
      message: '这个密码太常见，容易被猜中，请换一个',
    });
    expect((await change('Huimin@2026', 'QWERTY123456')).code).toBe('PASSWORD_TOO_COMMON');
    expect((await change('Huimin@2026', '1q2w3e4r5t6y', 'en')).message).toBe(
      'This password is too common and easily guessed; choose another',
    );
    expect(await change('Huimin@2026', 'my-XiCheng-office-2026', 'zh-TW')).toMatchObject({
      code: 'PASSWORD_CONTAINS_USERNAME',
      message: '密碼不能包含使用者名稱',
    });
    expect((await change('Huimin@2026', 'Huimin@2026', 'en')).message).toBe(
      'The password needs at least 12 characters; a memorable phrase is safer than a short complex one',
    );
    // No composition rules beyond the length: a long lower-case phrase is fine.
    expect((await change('Huimin@2026', 'quiet river at dawn')).status).toBe(200);
    expect(await change('quiet river at dawn', 'quiet river at dawn', 'en')).toMatchObject({
      code: 'PASSWORD_UNCHANGED',
      message: 'The new password must differ from the current one',
    });
  });

  it('takes its minimum length from PASSWORD_MIN_LENGTH', async () => {
    const t2 = await createTestApp({ config: { PASSWORD_MIN_LENGTH: 16 } });
    const c = await t2.login('jiandu');
    const res = await c.post('/api/auth/password', { currentPassword: 'Huimin@2026', newPassword: 'fifteen chars!!' });
    expect(res.json()).toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      message: '密码至少 16 个字符；一句好记的话比复杂的短密码更安全',
    });
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'Huimin@2026', newPassword: 'sixteen chars!!!' }))
        .statusCode,
    ).toBe(200);
    await t2.close();
  });
});

describe('the published demo password', () => {
  it('opens the demo accounts on a demo instance only', async () => {
    const production = await createTestApp({ config: { HUIMIN_DEMO: false } });
    const res = await production.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Huimin@2026' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
    await production.close();
    expect((await login('admin', 'Huimin@2026', {}, '10.0.9.9')).statusCode).toBe(200);
  });
});
