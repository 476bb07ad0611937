import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import { studioIndexOf } from './studio-index.repository.ts';

let t: TestApp;
let health: number;
let xixing: number;
let phoneSeq = 0;
const phone = () => `1390000${String(++phoneSeq).padStart(4, '0')}`;
beforeAll(async () => {
  t = await createTestApp();
  health = (await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()).id;
  xixing = await t.unitId('350802003004');
});
afterAll(() => t.close());

const ask = (body: Record<string, unknown>, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/requests',
    payload: {
      categoryId: health,
      text: '家里老人血压高，想请医生上门看看',
      unitId: xixing,
      residentName: '王秀兰',
      residentPhone: phone(),
      ...body,
    },
    remoteAddress: ip,
  });

describe('finding the nearest studio', () => {
  it('lists serving studios of a category nearest first, from a community', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/nearest?categoryId=${health}&unitId=${xixing}` });
    expect(res.statusCode).toBe(200);
    const { studios } = res.json() as { studios: Array<{ name: string; distanceM: number; categoryIds: number[] }> };
    expect(studios.length).toBeGreaterThan(0);
    expect(studios.every((s) => s.categoryIds.includes(health))).toBe(true);
    expect(studios.map((s) => s.distanceM)).toEqual([...studios.map((s) => s.distanceM)].sort((a, b) => a - b));
    expect(studios.map((s) => s.name)).toContain('来发医疗卫生专业服务室');
  });

  it('converts a phone position from WGS-84 before measuring (GCJ-02 is ~500 m off here)', async () => {
    const studio = await t.db
      .selectFrom('studios')
      .select(['lng', 'lat'])
      .where('name', '=', '来发医疗卫生专业服务室')
      .executeTakeFirstOrThrow();
    // The WGS-84 position of the studio's own GCJ-02 point, found by the inverse offset near Longyan.
    const asGcj = (
      await t.app.inject({
        method: 'GET',
        url: `/api/public/nearest?categoryId=${health}&lng=${studio.lng}&lat=${studio.lat}&datum=gcj02`,
      })
    ).json() as { studios: Array<{ distanceM: number }> };
    expect(asGcj.studios[0]?.distanceM).toBe(0);
    const asWgs = (
      await t.app.inject({
        method: 'GET',
        url: `/api/public/nearest?categoryId=${health}&lng=${studio.lng}&lat=${studio.lat}`,
      })
    ).json() as { studios: Array<{ distanceM: number }> };
    expect(asWgs.studios[0]?.distanceM).toBeGreaterThan(300);
  });

  it('refuses a query with neither a position nor a community', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/public/nearest?categoryId=${health}` })).statusCode).toBe(
      400,
    );
  });
});

describe('a request from ask to rating', () => {
  let member: Client;
  beforeAll(async () => {
    member = await t.login('zhangwanzhen');
  });

  it('goes to the nearest suitable studio, its members are told, decline passes it on, and the resident rates it once', async () => {
    // Two health studios near 西兴社区: the nearer one is led by 张婉珍 (a member account).
    const near = await createStudio(t.db, {
      status: 'active',
      category: 'health',
      name: '西兴健康服务室',
      lng: 117.0229,
      lat: 25.0968,
    });
    const far = await createStudio(t.db, {
      status: 'active',
      category: 'health',
      place: 'zhongcheng',
      name: '青草盂健康服务室',
      lng: 117.03,
      lat: 25.1,
    });
    // Factories write straight to the database; the lifecycle service would have told the index.
    studioIndexOf(t.db).invalidate();
    const res = await ask({});
    expect(res.statusCode).toBe(201);
    const created = res.json() as { trackingCode: string; studioName: string; status: string };
    expect(created).toMatchObject({ status: 'assigned', studioName: '西兴健康服务室' });
    const sms = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'template_id'])
      .where('entity_id', '=', created.trackingCode)
      .execute();
    // The resident gets the code (so it is not lost), the nearest studio's members the request.
    expect(sms).toHaveLength(2);
    expect(sms).toEqual(
      expect.arrayContaining([
        { recipient: '13905970101', template_id: 'HUIMIN_REQUEST_ASSIGNED' },
        { recipient: `1390000${String(phoneSeq).padStart(4, '0')}`, template_id: 'HUIMIN_REQUEST_RECEIVED' },
      ]),
    );

    const mine = (await member.get('/api/requests?status=assigned')).json() as {
      items: Array<{ id: number; trackingCode: string; residentPhone: string; allowedActions: string[] }>;
    };
    const req = mine.items.find((r) => r.trackingCode === created.trackingCode);
    expect(req?.residentPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(req?.allowedActions).toEqual(['accept', 'decline']);

    expect((await member.post(`/api/requests/${req?.id}/decline`, { reason: '本周外出学习' })).statusCode).toBe(200);
    const moved = (
      await t.app.inject({ method: 'GET', url: `/api/public/requests/${created.trackingCode}` })
    ).json() as { status: string; studio: { id: number } };
    expect(moved).toMatchObject({ status: 'assigned', studio: { id: far.id } });
    expect(moved.studio.id).not.toBe(near.id);

    // The far studio's members are in 中城街道; its street admin acts for them here.
    const street = await t.login('zhongcheng');
    expect((await street.post(`/api/requests/${req?.id}/accept`)).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/public/ratings/${created.trackingCode}`,
          payload: { score: 5 },
        })
      ).statusCode,
    ).toBe(409);
    expect((await street.post(`/api/requests/${req?.id}/complete`)).statusCode).toBe(200);

    const tracked = (
      await t.app.inject({ method: 'GET', url: `/api/public/requests/${created.trackingCode}` })
    ).json() as { status: string; canRate: boolean; events: Array<{ action: string }> };
    expect(tracked).toMatchObject({ status: 'completed', canRate: true });
    expect(tracked.events.map((e) => e.action)).toEqual(['assigned', 'declined', 'assigned', 'accepted', 'completed']);
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/ratings/${created.trackingCode}`,
      payload: { score: 5, comment: '医生很耐心' },
    });
    expect(rated.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/public/ratings/${created.trackingCode}`,
      payload: { score: 1 },
    });
    expect(again.statusCode).toBe(409);
    expect((await t.db.selectFrom('ratings').selectAll().where('studio_id', '=', far.id).execute()).length).toBe(1);
  });

  it('offers each viewer the lifecycle steps open to them now (allowedActions)', async () => {
    type Listed = { items: Array<{ status: string; allowedActions: string[] }> };
    await ask({ text: '想请医生上门给老人测测血糖' }, '10.7.0.1');
    const admin = await t.login('admin');
    const assigned = (await admin.get('/api/requests?status=assigned')).json() as Listed;
    expect(assigned.items.length).toBeGreaterThan(0);
    expect(assigned.items.every((r) => r.allowedActions.join() === 'accept,decline')).toBe(true);
    const completed = (await admin.get('/api/requests?status=completed')).json() as Listed;
    expect(completed.items.length).toBeGreaterThan(0);
    expect(completed.items.every((r) => r.allowedActions.length === 0)).toBe(true);
    // A supervisor sees the requests of the street, and may act on none of them.
    const watched = (await (await t.login('jiandu')).get('/api/requests')).json() as Listed;
    expect(watched.items.length).toBeGreaterThan(0);
    expect(watched.items.every((r) => r.allowedActions.length === 0)).toBe(true);
  });

  it('returns the first tracking code when the same request is sent twice', async () => {
    const p = phone();
    const first = (await ask({ residentPhone: p })).json() as { trackingCode: string };
    const second = await ask({ residentPhone: p, text: '家里老人血压高，想请医生上门看看！' });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ trackingCode: first.trackingCode, duplicate: true });
  });

  it('limits requests per address and per phone (429), without a captcha', async () => {
    for (let i = 0; i < 10; i++) await ask({ text: `第 ${i} 次请求：需要法律咨询关于劳动合同` }, '10.9.9.9');
    const eleventh = await ask({ text: '再来一次：想咨询劳动纠纷怎么处理' }, '10.9.9.9');
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().code).toBe('RATE_LIMITED');
    const p = phone();
    const texts = ['孩子作业辅导', '老人上门理发', '家里水管漏水', '咨询创业贷款', '学习广场舞', '心理咨询预约'];
    const codes = [];
    for (const [i, text] of texts.entries())
      codes.push(
        (await ask({ residentPhone: p, text: `${text}，麻烦尽快安排`, categoryId: i + 1 }, `10.8.0.${i}`)).statusCode,
      );
    expect(codes.slice(0, 5).every((c) => c === 201)).toBe(true);
    expect(codes[5]).toBe(429);
  });

  it('refuses a malformed phone, an unknown category and a street as the community (400)', async () => {
    expect((await ask({ residentPhone: '123' })).statusCode).toBe(400);
    expect((await ask({ categoryId: 999 })).statusCode).toBe(400);
    expect((await ask({ unitId: await t.unitId('350802003000') })).statusCode).toBe(400);
  });
});

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
    expect((await admin.put('/api/settings/records', { correctionHours: 96 })).json()).toEqual({ correctionHours: 96 });
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
    expect(rec.allowedActions).toEqual(['correct', 'addFeedback']);
    expect(((await author.get(`/api/records/${rec.id}`)).json() as Shown).allowedActions).toEqual([
      'correct',
      'addFeedback',
    ]);
    const street = await t.login('xicheng');
    expect(((await street.get(`/api/records/${rec.id}`)).json() as Shown).allowedActions).toEqual(['addFeedback']);
    const listed = (await street.get('/api/records')).json() as { items: Shown[] };
    expect(listed.items.every((r) => r.allowedActions.join() === 'addFeedback')).toBe(true);
    expect(((await (await t.login('jiandu')).get(`/api/records/${rec.id}`)).json() as Shown).allowedActions).toEqual(
      [],
    );
    t.clock.advanceMinutes(73 * 60);
    const later = (await (await t.login('zhangwanzhen')).get(`/api/records/${rec.id}`)).json() as Shown;
    expect(later).toMatchObject({ correctable: false, allowedActions: ['addFeedback'] });
  });
});

describe('nobody loses their request', () => {
  const lookUp = (payload: Record<string, unknown>, ip = '10.0.9.1') =>
    t.app.inject({ method: 'POST', url: '/api/public/requests/lookup', payload, remoteAddress: ip });

  it('sends the tracking code to the phone given, by SMS through the outbox', async () => {
    const res = await ask({ residentPhone: '13911112222' }, '10.0.9.2');
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json() as { trackingCode: string };
    const sms = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'body', 'status'])
      .where('template_id', '=', 'HUIMIN_REQUEST_RECEIVED')
      .where('entity_id', '=', trackingCode)
      .execute();
    expect(sms).toEqual([{ recipient: '13911112222', body: expect.stringContaining(trackingCode), status: 'pending' }]);
  });

  it('finds a request by phone number and the last four characters of its code', async () => {
    const { trackingCode } = (await ask({ residentPhone: '13911113333' }, '10.0.9.3')).json() as {
      trackingCode: string;
    };
    const found = await lookUp({ phone: '13911113333', codeTail: trackingCode.slice(-4).toLowerCase() });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({ trackingCode });
    // Then the code opens the request as usual.
    const tracked = await t.app.inject({ method: 'GET', url: `/api/public/requests/${trackingCode}` });
    expect(tracked.statusCode).toBe(200);
  });

  it('answers a wrong phone and a wrong code alike, and throttles guessing per address', async () => {
    const { trackingCode } = (await ask({ residentPhone: '13911114444' }, '10.0.9.4')).json() as {
      trackingCode: string;
    };
    const tail = trackingCode.slice(-4);
    const otherTail = tail === '2222' ? '3333' : '2222';
    const wrongPhone = await lookUp({ phone: '13911119999', codeTail: tail }, '10.0.9.5');
    const wrongCode = await lookUp({ phone: '13911114444', codeTail: otherTail }, '10.0.9.5');
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    const said = (r: typeof wrongCode) => {
      const { code, message } = r.json() as { code: string; message: string };
      return { code, message };
    };
    expect(said(wrongCode)).toEqual(said(wrongPhone));
    expect((await lookUp({ phone: '1391111', codeTail: tail }, '10.0.9.5')).statusCode).toBe(400);

    const ip = '10.0.9.6';
    for (let i = 0; i < 20; i++)
      expect((await lookUp({ phone: '13911119999', codeTail: tail }, ip)).statusCode).toBe(404);
    const limited = await lookUp({ phone: '13911114444', codeTail: tail }, ip);
    expect(limited.statusCode).toBe(429);
    // Another address is not held back by this one's guesses.
    expect((await lookUp({ phone: '13911114444', codeTail: tail }, '10.0.9.7')).statusCode).toBe(200);
  });
});
