import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import type { Account } from '../../../contract/accounts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newAccount = (over: Record<string, unknown> = {}) => ({
  username: 'wangli',
  displayName: '王丽',
  password: 'Strong#Pass1',
  role: 'community_admin',
  ...over,
});

describe('GET /api/accounts', () => {
  it('lists the accounts of a street admin’s street only', async () => {
    const page = (await (await t.login('xicheng')).get('/api/accounts')).json() as { items: Account[] };
    expect(page.items.map((a) => a.username).sort()).toEqual(['jiandu', 'xicheng', 'xixing', 'zhangwanzhen']);
  });

  it('is closed to members and supervisors (403)', async () => {
    expect((await (await t.login('zhangwanzhen')).get('/api/accounts')).statusCode).toBe(403);
    expect((await (await t.login('jiandu')).get('/api/accounts')).statusCode).toBe(403);
  });

  it('never shows a password hash', async () => {
    const body = (await (await t.login('admin')).get('/api/accounts')).body;
    expect(body).not.toContain('argon2');
  });
});

describe('POST /api/accounts', () => {
  it('lets a street admin create a community admin in its street, audited without the password', async () => {
    const c = await t.login('xicheng');
    const res = await c.post('/api/accounts', newAccount({ unitId: await t.unitId('350802003001') }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wangli',
      role: 'community_admin',
      unitName: '西安社区居委会',
      disabled: false,
      locked: false,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'account')
      .where('action', '=', 'create')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('wangli');
    expect(audit.after_json).not.toContain('Strong#Pass1');
    expect((await t.login('wangli', 'Strong#Pass1')).csrf).toBeTruthy();
  });

  it('answers 404 for a unit in another street and 403 for a role wider than the actor’s', async () => {
    const c = await t.login('xicheng');
    expect(
      (await c.post('/api/accounts', newAccount({ username: 'alpha1', unitId: await t.unitId('350802004001') })))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await c.post(
          '/api/accounts',
          newAccount({ username: 'alpha2', role: 'district_admin', unitId: await t.unitId('350802000000') }),
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.login('xixing')
        ).post(
          '/api/accounts',
          newAccount({ username: 'alpha3', role: 'street_admin', unitId: await t.unitId('350802003004') }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a role on a unit of the wrong level, a weak password and a taken username', async () => {
    const c = await t.login('admin');
    const community = await t.unitId('350802003004');
    expect(
      (await c.post('/api/accounts', newAccount({ username: 'bravo1', role: 'street_admin', unitId: community })))
        .statusCode,
    ).toBe(400);
    const weak = await c.post(
      '/api/accounts',
      newAccount({ username: 'bravo2', password: 'qwerty123456', unitId: community }),
    );
    expect(weak.json().code).toBe('PASSWORD_TOO_COMMON');
    const named = await c.post(
      '/api/accounts',
      newAccount({ username: 'bravo3', password: 'Bravo3 of Xixing', unitId: community }),
    );
    expect(named.json().code).toBe('PASSWORD_CONTAINS_USERNAME');
    const taken = await c.post('/api/accounts', newAccount({ username: 'xixing', unitId: community }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('xixing');
    expect((await c.post('/api/accounts', newAccount({ username: 'Bad Name', unitId: community }))).statusCode).toBe(
      400,
    );
  });
});

describe('account lockout and disabling', () => {
  it('lets an admin lift a lockout, audited', async () => {
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'jiandu', password: `Wrong${i}!x` },
      });
    const c = await t.login('xicheng');
    const jiandu = ((await c.get('/api/accounts?q=jiandu')).json() as { items: Account[] }).items[0];
    expect(jiandu?.locked).toBe(true);
    const res = await c.post(`/api/accounts/${jiandu?.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().locked).toBe(false);
    expect((await t.login('jiandu')).csrf).toBeTruthy();
  });

  it('ends the sessions of a disabled account and refuses its login', async () => {
    const member = await t.login('zhangwanzhen');
    const admin = await t.login('xixing');
    const me = (await member.get('/api/auth/me')).json() as { id: number };
    expect((await admin.put(`/api/accounts/${me.id}/disabled`, { disabled: true })).statusCode).toBe(200);
    expect((await member.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhangwanzhen', password: 'Huimin@2026' },
    });
    expect(login.statusCode).toBe(401);
    expect((await admin.put(`/api/accounts/${me.id}/disabled`, { disabled: false })).statusCode).toBe(200);
    expect((await t.login('zhangwanzhen')).csrf).toBeTruthy();
  });

  it('does not let an admin disable themself or an account of another street', async () => {
    const c = await t.login('xicheng');
    const me = (await c.get('/api/auth/me')).json() as { id: number };
    expect((await c.put(`/api/accounts/${me.id}/disabled`, { disabled: true })).statusCode).toBe(409);
    const zc = (await (await t.login('admin')).get('/api/accounts?q=zhongcheng')).json() as { items: Account[] };
    expect((await c.put(`/api/accounts/${zc.items[0]?.id}/disabled`, { disabled: true })).statusCode).toBe(404);
  });
});

describe('what an admin may do with an account (allowedActions)', () => {
  it('offers unlock for a locked account, disable or enable by its state, and nothing on the admin’s own', async () => {
    const c = await t.login('xicheng');
    const list = async () => ((await c.get('/api/accounts')).json() as { items: Account[] }).items;
    const byName = (items: Account[], username: string) => items.find((a) => a.username === username);
    const before = await list();
    expect(byName(before, 'xicheng')?.allowedActions).toEqual([]);
    expect(byName(before, 'jiandu')?.allowedActions).toEqual(['disable']);

    await t.db
      .updateTable('accounts')
      .set({ locked_until: '2999-01-01T00:00:00.000Z' })
      .where('username', '=', 'jiandu')
      .execute();
    const jiandu = byName(await list(), 'jiandu');
    expect(jiandu?.allowedActions).toEqual(['unlock', 'disable']);
    expect((await c.post(`/api/accounts/${jiandu?.id}/unlock`)).json().allowedActions).toEqual(['disable']);

    const disabled = await c.put(`/api/accounts/${jiandu?.id}/disabled`, { disabled: true });
    expect(disabled.json().allowedActions).toEqual(['enable']);
    expect((await c.put(`/api/accounts/${jiandu?.id}/disabled`, { disabled: false })).json().allowedActions).toEqual([
      'disable',
    ]);
  });
});
