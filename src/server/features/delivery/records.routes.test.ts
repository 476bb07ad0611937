import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import { bumpStudiosVersion } from '../statistics/studio-snapshot.repository.ts';

// The service record book (服务记录本); requests from residents are in delivery.routes.test.ts.
let t: TestApp;
let health: number;
beforeAll(async () => {
  t = await createTestApp();
  health = (await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('the service record book (服务记录本)', () => {
  let member: Client;
  let studioId: number;
  const body = () => ({
    studioId,
    servedAt: '2026-11-25T06:30:00.000Z',
    durationMinutes: 90,
    groups: ['youth', 'migrant_workers'],
    categoryId: health,
    mode: 'activity',
    content: '为进城务工人员子女开展健康讲座',
    personTimes: 30,
  });
  beforeAll(async () => {
    member = await t.login('zhangwanzhen');
    studioId = (await createStudio(t.db, { status: 'active', category: 'health' })).id;
  });

  it('keeps one record for one idempotency key, however often it is sent', async () => {
    const headers = { 'idempotency-key': 'offline-7f3a9c21-0001' };
    const first = await member.request({ method: 'POST', url: '/api/records', payload: body(), headers });
    expect(first.statusCode).toBe(201);
    const second = await member.request({ method: 'POST', url: '/api/records', payload: body(), headers });
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    const [a, b] = await Promise.all([
      member.request({
        method: 'POST',
        url: '/api/records',
        payload: body(),
        headers: { 'idempotency-key': 'race-key-0002' },
      }),
      member.request({
        method: 'POST',
        url: '/api/records',
        payload: body(),
        headers: { 'idempotency-key': 'race-key-0002' },
      }),
    ]);
    expect(a.json().id).toBe(b.json().id);
    const count = await t.db.selectFrom('service_records').select('id').where('studio_id', '=', studioId).execute();
    expect(count).toHaveLength(2);
    expect(first.json()).toMatchObject({ personTimes: 30, groups: ['youth', 'migrant_workers'], correctable: true });
  });

  it('audits and counts a record once, and answers a retry with it even after the studio stopped serving', async () => {
    const own = (await createStudio(t.db, { status: 'active', category: 'health' })).id;
    const key = 'retry-after-revoke-0003';
    const send = (k: string) =>
      member.request({
        method: 'POST',
        url: '/api/records',
        payload: { ...body(), studioId: own },
        headers: { 'idempotency-key': k },
      });
    const unitId = (await t.db.selectFrom('studios').select('unit_id').where('id', '=', own).executeTakeFirstOrThrow())
      .unit_id;
    const youthThisMonth = async () => {
      const cell = await t.db
        .selectFrom('service_rollups')
        .select(['records', 'person_times'])
        .where('unit_id', '=', unitId)
        .where('grain', '=', 'month')
        .where('period', '=', '2026-11')
        .where('group_key', '=', 'youth')
        .executeTakeFirst();
      return { records: Number(cell?.records ?? 0), personTimes: Number(cell?.person_times ?? 0) };
    };
    const before = await youthThisMonth();
    // Copies of one submission sent together (one batch of the group commit): one is written,
    // the others answer it.
    const copies = await Promise.all([send(key), send(key), send(key), send(key)]);
    expect(copies.map((c) => c.statusCode).sort()).toEqual([200, 200, 200, 201]);
    const id = copies.find((c) => c.statusCode === 201)?.json().id;
    expect(copies.map((c) => c.json().id)).toEqual([id, id, id, id]);
    const entries = await t.db
      .selectFrom('audit_log')
      .select(['actor_name', 'unit_id', 'after_json'])
      .where('entity', '=', 'serviceRecord')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'create')
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.after_json ?? '{}')).toMatchObject({ studioId: own, personTimes: 30 });
    expect(await youthThisMonth()).toEqual({ records: before.records + 1, personTimes: before.personTimes + 30 });

    // Revoked as the app's writers do it: with studios.version bumped, so this instance sees it at once.
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('studios').set({ status: 'revoked' }).where('id', '=', own).execute();
      await bumpStudiosVersion(trx);
    });
    const retry = await send(key);
    expect([retry.statusCode, retry.json().id]).toEqual([200, id]);
    expect((await send('after-revoke-0004')).statusCode).toBe(409);
  });

  it('refuses a record without a key, with a fee, in the future, or for a studio the member does not belong to', async () => {
    expect((await member.post('/api/records', body())).statusCode).toBe(400);
    const send = (payload: Record<string, unknown>, key: string) =>
      member.request({ method: 'POST', url: '/api/records', payload, headers: { 'idempotency-key': key } });
    const fee = (await send({ ...body(), content: '讲座收费 5 元' }, 'bad-key-0001')).json();
    expect(fee).toMatchObject({ code: 'FEE_NOT_ALLOWED', issues: [{ path: 'body.content' }] });
    expect((await send({ ...body(), servedAt: '2027-01-01T00:00:00Z' }, 'bad-key-0002')).statusCode).toBe(400);
    expect((await send({ ...body(), fee: 0 }, 'bad-key-0003')).statusCode).toBe(400);
    const other = await createStudio(t.db, { status: 'active', place: 'zhongcheng' });
    expect((await send({ ...body(), studioId: other.id }, 'bad-key-0004')).statusCode).toBe(404);
  });

  it('lets the author correct a record within the window, keeps the history, and then closes it', async () => {
    const rec = (
      await member.request({
        method: 'POST',
        url: '/api/records',
        payload: body(),
        headers: { 'idempotency-key': 'correct-0001' },
      })
    ).json() as { id: number };
    // The studio of a record cannot be changed by a correction.
    expect((await member.put(`/api/records/${rec.id}`, { ...body(), personTimes: 32 })).statusCode).toBe(400);
    const { studioId: _s, ...fields } = body();
    expect((await member.put(`/api/records/${rec.id}`, { ...fields, personTimes: 32 })).json()).toMatchObject({
      personTimes: 32,
      revisions: 1,
    });
    const history = (await (await t.login('xixing')).get(`/api/records/${rec.id}/revisions`)).json() as Array<{
      before: { personTimes: number };
      after: { personTimes: number };
    }>;
    expect(history[0]).toMatchObject({ before: { personTimes: 30 }, after: { personTimes: 32 } });
    // The recipient's name stays masked in the history, for every role that reads it.
    expect((await member.put(`/api/records/${rec.id}`, { ...fields, recipientName: '李秀英' })).statusCode).toBe(200);
    for (const who of ['xixing', 'xicheng', 'admin', 'jiandu', 'zhangwanzhen']) {
      const res = await (await t.login(who)).get(`/api/records/${rec.id}/revisions`);
      if (res.statusCode !== 200) continue;
      expect(res.body, who).not.toContain('李秀英');
      expect((res.json() as Array<{ after: { recipientName?: string } }>)[1]?.after.recipientName, who).toMatch(/^李/);
    }
    t.clock.advanceMinutes(73 * 60);
    expect(
      (await (await t.login('zhangwanzhen')).put(`/api/records/${rec.id}`, { ...fields, personTimes: 33 })).json().code,
    ).toBe('TRANSITION_NOT_ALLOWED');
    // The window is a setting: the district admin widens it, and the record opens again.
    const admin = await t.login('admin');
    expect((await (await t.login('xicheng')).put('/api/settings/records', { correctionHours: 96 })).statusCode).toBe(
      403,
    );
    expect((await admin.put('/api/settings/records', { correctionHours: 96 })).json()).toEqual({
      correctionHours: 96,
      receiptDays: 30,
    });
    expect(
      (await (await t.login('zhangwanzhen')).put(`/api/records/${rec.id}`, { ...fields, personTimes: 33 })).json()
        .personTimes,
    ).toBe(33);
    await admin.put('/api/settings/records', { correctionHours: 72 });
  });

  it('adds follow-ups and counts person-times by group (legal aid by group)', async () => {
    // The clock moved on three days in the test before: sign in again.
    member = await t.login('zhangwanzhen');
    const list = (await member.get('/api/records?mine=1')).json() as { items: Array<{ id: number }> };
    const id = list.items[0]?.id;
    const fb = await member.post(`/api/records/${id}/feedback`, {
      onDate: '2026-12-01',
      result: '回访：孩子们已养成勤洗手的习惯',
    });
    expect(fb.json().feedback).toHaveLength(1);
    const stats = (await (await t.login('xicheng')).get(`/api/records/stats?categoryId=${health}`)).json() as {
      personTimes: number;
      byGroup: Array<{ group: string; personTimes: number }>;
    };
    expect(stats.byGroup.find((g) => g.group === 'youth')?.personTimes).toBe(stats.personTimes);
  });

  it('exports the filtered records for staff', async () => {
    const res = await (
      await t.login('xixing')
    ).request({ method: 'GET', url: `/api/records/export.xlsx?categoryId=${health}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await member.request({ method: 'GET', url: '/api/records/export.xlsx' })).statusCode).toBe(403);
  });

  it('tells each viewer what they may do with a record: its author corrects it while the window is open', async () => {
    type Shown = { id: number; correctable: boolean; allowedActions: string[] };
    const author = await t.login('zhangwanzhen');
    const rec = (
      await author.request({
        method: 'POST',
        url: '/api/records',
        payload: body(),
        headers: { 'idempotency-key': 'abilities-0001' },
      })
    ).json() as Shown;
    // A walk-in (no request): its members and the organisations above may show its receipt.
    const actionsOf = async (c: Client) => ((await c.get(`/api/records/${rec.id}`)).json() as Shown).allowedActions;
    expect(rec.allowedActions).toEqual(['correct', 'addFeedback', 'showReceipt']);
    expect(await actionsOf(author)).toEqual(rec.allowedActions);
    const street = await t.login('xicheng');
    expect(await actionsOf(street)).toEqual(['addFeedback', 'showReceipt']);
    type Listed = { items: Array<Shown & { requestId: number | null }> };
    const listed = (await street.get('/api/records')).json() as Listed;
    const expected = (r: Listed['items'][number]) => (r.requestId === null ? 'addFeedback,showReceipt' : 'addFeedback');
    expect(listed.items.every((r) => r.allowedActions.join() === expected(r))).toBe(true);
    expect(((await (await t.login('jiandu')).get(`/api/records/${rec.id}`)).json() as Shown).allowedActions).toEqual(
      [],
    );
    t.clock.advanceMinutes(73 * 60);
    const later = (await (await t.login('zhangwanzhen')).get(`/api/records/${rec.id}`)).json() as Shown;
    expect(later).toMatchObject({ correctable: false, allowedActions: ['addFeedback', 'showReceipt'] });
  });
});
