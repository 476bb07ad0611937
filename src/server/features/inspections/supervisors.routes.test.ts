import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import type { Supervisor } from '../../../contract/supervisors.ts';

let t: TestApp;
let xicheng: Client;
let ids: { xicheng: number; zhongcheng: number; ximen: number; xixing: number; zhongchengCommunity: number };

beforeAll(async () => {
  t = await createTestApp();
  xicheng = await t.login('xicheng');
  ids = {
    xicheng: await t.unitId('350802003000'),
    zhongcheng: await t.unitId('350802004000'),
    ximen: await t.unitId('350802003001'),
    xixing: await t.unitId('350802003004'),
    zhongchengCommunity: await t.unitId('350802004001'),
  };
});
afterAll(() => t.close());

let seq = 0;
/** A fresh supervisor account made by an admin, bound to a street. */
async function supervisorAccount(admin: Client, unitId: number): Promise<number> {
  seq += 1;
  const res = await admin.post('/api/accounts', {
    username: `jd-test-${seq}`,
    displayName: `监督员${seq}`,
    password: 'Strong#Pass1',
    role: 'supervisor',
    unitId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

const appointment = (accountId: number, overrides: Record<string, unknown> = {}) => ({
  accountId,
  name: '王丽华',
  phone: '13905971234',
  communityId: ids.xixing,
  appointedOn: '2026-11-01',
  ...overrides,
});

describe('the supervisor roster', () => {
  it('lists the demo supervisor jiandu on 西城街道’s roster, phone masked', async () => {
    const page = (await xicheng.get('/api/supervisors')).json() as { items: Supervisor[]; total: number };
    const jiandu = page.items.find((s) => s.username === 'jiandu');
    expect(jiandu).toMatchObject({
      name: '林秀琴',
      phone: '139****0301',
      streetName: '西城街道',
      communityName: '西安社区居委会',
      status: 'active',
      activity: { done: 0, onTime: 0, overdue: 0, inactive: false },
    });
    expect(jiandu?.allowedActions).toEqual(['renew', 'dismiss', 'edit', 'revealPhone', 'printLetter']);
    expect(JSON.stringify(page)).not.toContain('13905970301');
  });

  it('appoints a resident with a supervisor account for two years, with a card number', async () => {
    const accountId = await supervisorAccount(xicheng, ids.xicheng);
    const before = await t.auditCount();
    const res = await xicheng.post('/api/supervisors', appointment(accountId));
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as Supervisor;
    expect(s).toMatchObject({
      name: '王丽华',
      phone: '139****1234',
      termStart: '2026-11-01',
      termEnd: '2028-10-31',
      status: 'active',
      cardNumber: 'JD-2026-001',
      communityName: '西兴社区居委会',
    });
    expect(await t.auditCount()).toBe(before + 1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'supervisor')
      .where('entity_id', '=', String(s.id))
      .executeTakeFirstOrThrow();
    expect(audit.after_json).not.toContain('13905971234');
  });

  it('refuses accounts that are not supervisors of the street, twice-listed accounts and taken card numbers', async () => {
    const member = await t.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'zhangwanzhen')
      .executeTakeFirstOrThrow();
    const bad = await xicheng.post('/api/supervisors', appointment(member.id));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const jiandu = await t.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'jiandu')
      .executeTakeFirstOrThrow();
    const twice = await xicheng.post('/api/supervisors', appointment(jiandu.id));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'ALREADY_ON_ROSTER' });
    const fresh = await supervisorAccount(xicheng, ids.xicheng);
    const taken = await inLocale(xicheng, 'en', () =>
      xicheng.post('/api/supervisors', appointment(fresh, { cardNumber: 'JD-XC-001' })),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'CARD_NUMBER_TAKEN',
      message: 'The supervisor card number "JD-XC-001" is taken',
    });
    const elsewhere = await xicheng.post(
      '/api/supervisors',
      appointment(fresh, { communityId: ids.zhongchengCommunity }),
    );
    expect(elsewhere.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const ended = await xicheng.post('/api/supervisors', appointment(fresh, { appointedOn: '2020-01-01' }));
    expect(ended.json()).toMatchObject({ code: 'TERM_INVALID' });
    const junk = await xicheng.post('/api/supervisors', { ...appointment(fresh), phone: '12345', extra: 1 });
    expect(junk.statusCode).toBe(400);
  });

  it('keeps each street to its own roster: another street’s supervisors are 404', async () => {
    const zhongcheng = await t.login('zhongcheng');
    const accountId = await supervisorAccount(zhongcheng, ids.zhongcheng);
    const created = await zhongcheng.post(
      '/api/supervisors',
      appointment(accountId, { communityId: ids.zhongchengCommunity, name: '蒋红' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const theirs = (created.json() as Supervisor).id;
    expect((await xicheng.get(`/api/supervisors/${theirs}`)).statusCode).toBe(404);
    expect((await xicheng.get(`/api/supervisors/${theirs}/contact`)).statusCode).toBe(404);
    expect((await xicheng.post(`/api/supervisors/${theirs}/dismiss`, { reason: 'x' })).statusCode).toBe(404);
    expect((await xicheng.get(`/api/supervisors?under=${ids.zhongcheng}`)).statusCode).toBe(404);
    const mine = (await xicheng.get('/api/supervisors')).json() as { items: Supervisor[] };
    expect(mine.items.some((s) => s.id === theirs)).toBe(false);
    const district = (await (await t.login('admin')).get('/api/supervisors')).json() as { items: Supervisor[] };
    expect(district.items.some((s) => s.id === theirs)).toBe(true);
    // A street appoints only its own residents' accounts.
    const other = await supervisorAccount(zhongcheng, ids.zhongcheng);
    expect((await xicheng.post('/api/supervisors', appointment(other))).statusCode).toBe(404);
  });

  it('shows the unmasked phone to the street only, and logs each read', async () => {
    const id = (await rosterEntry('jiandu')).id;
    const before = await t.auditCount();
    const res = await xicheng.get(`/api/supervisors/${id}/contact`);
    expect(res.json()).toEqual({ id, name: '林秀琴', phone: '13905970301' });
    expect(await t.auditCount()).toBe(before + 1);
    expect((await (await t.login('admin')).get(`/api/supervisors/${id}/contact`)).statusCode).toBe(403);
    expect((await (await t.login('jiandu')).get(`/api/supervisors/${id}/contact`)).statusCode).toBe(403);
  });

  it('lets a supervisor see their own entry and letter, and no one else’s', async () => {
    const jiandu = await t.login('jiandu');
    const own = (await jiandu.get('/api/supervisors')).json() as { items: Supervisor[]; total: number };
    expect(own.items.map((s) => s.username)).toEqual(['jiandu']);
    expect(own.items[0]?.allowedActions).toEqual(['printLetter']);
    const id = own.items[0]?.id ?? 0;
    expect((await jiandu.get(`/api/supervisors/${id}`)).statusCode).toBe(200);
    const letter = await jiandu.get(`/api/supervisors/${id}/appointment-letter.pdf`);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await rosterEntry('jd-test-1');
    expect((await jiandu.get(`/api/supervisors/${other.id}`)).statusCode).toBe(404);
    expect((await jiandu.post('/api/supervisors', appointment(1))).statusCode).toBe(403);
    expect((await (await t.login('xixing')).get('/api/supervisors')).statusCode).toBe(403);
  });

  it('edits details, renews for two more years and dismisses with a reason', async () => {
    const s = await rosterEntry('jd-test-1');
    const edited = await xicheng.put(`/api/supervisors/${s.id}`, {
      name: '王丽华',
      phone: '13905979999',
      communityId: ids.ximen,
    });
    expect(edited.json()).toMatchObject({
      phone: '139****9999',
      communityName: '西安社区居委会',
      cardNumber: s.cardNumber,
    });
    const renewed = await xicheng.post(`/api/supervisors/${s.id}/renew`, {});
    expect(renewed.json()).toMatchObject({ termEnd: '2030-10-31', status: 'active' });
    expect((await xicheng.post(`/api/supervisors/${s.id}/renew`, { termEnd: '2027-01-01' })).json()).toMatchObject({
      code: 'TERM_INVALID',
    });
    expect((await xicheng.post(`/api/supervisors/${s.id}/dismiss`, { reason: ' ' })).statusCode).toBe(400);
    const dismissed = await xicheng.post(`/api/supervisors/${s.id}/dismiss`, { reason: '迁出本街道' });
    expect(dismissed.json()).toMatchObject({
      status: 'dismissed',
      statusReason: '迁出本街道',
      allowedActions: ['revealPhone', 'printLetter'],
    });
    const again = await inLocale(xicheng, 'zh-TW', () =>
      xicheng.post(`/api/supervisors/${s.id}/dismiss`, { reason: '再次' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'SUPERVISOR_NOT_ALLOWED',
      message: '監督員目前狀態（dismissed）下不能進行此操作',
    });
  });

  it('reads a term that ran out as ended, and renews it from today', async () => {
    const s = await rosterEntry('jiandu');
    await t.db.updateTable('supervisors').set({ term_end: '2026-11-01' }).where('id', '=', s.id).execute();
    expect(((await xicheng.get(`/api/supervisors/${s.id}`)).json() as Supervisor).status).toBe('term_ended');
    const ended = (await xicheng.get('/api/supervisors?status=term_ended')).json() as { items: Supervisor[] };
    expect(ended.items.map((x) => x.id)).toContain(s.id);
    const renewed = (await xicheng.post(`/api/supervisors/${s.id}/renew`, {})).json() as Supervisor;
    expect(renewed).toMatchObject({ status: 'active', termStart: '2026-11-25', termEnd: '2028-11-24' });
  });
});

/** A request made while the account's interface language is another one. */
async function inLocale<T>(client: Client, locale: 'en' | 'zh-TW', call: () => Promise<T>): Promise<T> {
  await client.put('/api/auth/me/settings', { locale });
  try {
    return await call();
  } finally {
    await client.put('/api/auth/me/settings', { locale: 'zh-CN' });
  }
}

async function rosterEntry(username: string): Promise<Supervisor> {
  const page = (await xicheng.get(`/api/supervisors?limit=500`)).json() as { items: Supervisor[] };
  const found = page.items.find((s) => s.username === username);
  if (!found) throw new Error(`${username} not on the roster`);
  return found;
}
