import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import {
  detail,
  newKey,
  phonePhoto,
  plannedInspection,
  ratingsOf,
  report,
  submit,
} from '../../../../test/factories/inspections.ts';
import type { InspectionSummary } from '../../../contract/inspections.ts';
import type { Supervisor } from '../../../contract/supervisors.ts';

let t: TestApp;
let street: Client;
let jiandu: Client;
let jianduId: number;

beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  jiandu = await t.login('jiandu');
  const roster = (await street.get('/api/supervisors')).json() as { items: Supervisor[] };
  jianduId = roster.items.find((s) => s.username === 'jiandu')?.id ?? 0;
});
afterAll(() => t.close());

async function signInAgain(): Promise<void> {
  street = await t.login('xicheng');
  jiandu = await t.login('jiandu');
}

/** A second supervisor on a street's roster, with a signed-in client. */
async function anotherSupervisor(
  admin: Client,
  streetCode: string,
  username: string,
): Promise<{ id: number; client: Client }> {
  const streetId = await t.unitId(streetCode);
  const account = await admin.post('/api/accounts', {
    username,
    displayName: username,
    password: 'Patrol-Visit-2026',
    role: 'supervisor',
    unitId: streetId,
  });
  const appointed = await admin.post('/api/supervisors', {
    accountId: (account.json() as { id: number }).id,
    name: '陈监督',
    phone: '13905975555',
    communityId: null,
    appointedOn: '2026-10-01',
  });
  if (appointed.statusCode !== 201) throw new Error(appointed.body);
  return { id: (appointed.json() as Supervisor).id, client: await t.login(username, 'Patrol-Visit-2026') };
}

describe("the supervisor's quarterly plan", () => {
  it('holds this quarter’s inspection of 婉珍文艺专业服务室 for jiandu, with the checklist to fill', async () => {
    const mine = (await jiandu.get('/api/inspections')).json() as { items: InspectionSummary[]; total: number };
    // Both serving studios of 西城街道 in the demo: 婉珍文艺 and 莲花家电 (seed/demo-complained.ts).
    expect(mine.total).toBe(2);
    const wanzhen = mine.items.find((i) => i.studioName === '婉珍文艺专业服务室');
    expect(wanzhen).toMatchObject({
      quarter: '2026-Q4',
      studioName: '婉珍文艺专业服务室',
      status: 'planned',
      dueOn: '2026-12-31',
      overdue: false,
      supervisorName: '林秀琴',
      allowedActions: ['submit'],
    });
    const one = await detail(jiandu, wanzhen?.id ?? 0);
    expect(one.checklist.version).toBe(1);
    expect(one.checklist.items.map((i) => i.title['zh-CN'])).toContain('便民服务卡发放');
    expect(one.history.map((h) => h.action)).toEqual(['plan']);
    const seenByStreet = (await street.get(`/api/inspections/${one.id}`)).json() as InspectionSummary;
    expect(seenByStreet.allowedActions).toEqual(['reassign', 'cancel']);
  });
});

describe('POST /api/inspections/:id/submit', () => {
  it('writes the form once, with a photo re-encoded without its metadata and the position converted', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    const key = newKey();
    const before = await t.auditCount();
    const body = report({
      ratings: ratingsOf('A', 'B', 'A', 'A', 'A'),
      photos: [await phonePhoto()],
      position: { lng: 117.0205, lat: 25.0892, datum: 'wgs84' },
    });
    const first = await submit(jiandu, id, body, key);
    expect(first.statusCode, first.body).toBe(201);
    // 20×100 + 25×66 + 20×100 + 15×100 + 20×100 = 9150 → 91.5 %
    expect(first.json()).toMatchObject({ status: 'submitted', total: 91.5, photos: [{ position: 1 }] });
    const position = (first.json() as { position: { lng: number; lat: number } }).position;
    expect(position.lng).toBeGreaterThan(117.0205);
    expect(await t.auditCount()).toBe(before + 1);

    const again = await submit(jiandu, id, body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, total: 91.5 });
    expect(await t.auditCount()).toBe(before + 1);

    const photo = await jiandu.get(`/api/inspections/${id}/photos/1`);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(photo.rawPayload).metadata();
    expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
    expect(photo.rawPayload.includes(Buffer.from('secret-firmware'))).toBe(false);
    expect((await street.get(`/api/inspections/${id}/photos/1`)).statusCode).toBe(200);
    expect((await street.get(`/api/inspections/${id}/photos/2`)).statusCode).toBe(404);

    const twice = await submit(jiandu, id, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'INSPECTION_NOT_ALLOWED' });
    const other = await plannedInspection(t, street, jianduId);
    const reused = await submit(jiandu, other.id, body, key);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await detail(jiandu, other.id)).status).toBe('planned');
  });

  it('writes one inspection when two copies of a submission race', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    const key = newKey();
    const body = report({ photos: [await phonePhoto()] });
    const before = await t.auditCount();
    const answers = await Promise.all([submit(jiandu, id, body, key), submit(jiandu, id, body, key)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    const events = await t.db
      .selectFrom('inspection_events')
      .select('action')
      .where('inspection_id', '=', id)
      .where('action', '=', 'submit')
      .execute();
    expect(events).toHaveLength(1);
    const photos = await t.db.selectFrom('inspection_photos').select('id').where('inspection_id', '=', id).execute();
    expect(photos).toHaveLength(1);
    expect(await t.auditCount()).toBe(before + 1);
  });

  it('refuses bad forms with a stable code and changes nothing', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    const before = await t.auditCount();
    const noKey = await jiandu.post(`/api/inspections/${id}/submit`, report());
    expect(noKey.statusCode).toBe(400);
    const short = await submit(jiandu, id, report({ ratings: ratingsOf().slice(1) }));
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'CHECKLIST_MISMATCH',
      message: '检查表共 5 项，每项须评一次（收到 4 项）',
    });
    const unknown = await submit(
      jiandu,
      id,
      report({ ratings: [...ratingsOf().slice(1), { code: 'x', rating: 'A' }] }),
    );
    expect(unknown.json()).toMatchObject({ code: 'CHECKLIST_MISMATCH' });
    const grade = await submit(jiandu, id, report({ ratings: ratingsOf().map((r) => ({ ...r, rating: 'D' })) }));
    expect(grade.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const future = await submit(jiandu, id, report({ visitedAt: '2026-11-26T08:00:00.000Z' }));
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fee = await submit(jiandu, id, report({ ratings: ratingsOf().map((r) => ({ ...r, note: '每次收费20元' })) }));
    expect(fee.json()).toMatchObject({ code: 'FEE_NOT_ALLOWED' });
    const notPhoto = await submit(
      jiandu,
      id,
      report({ photos: [Buffer.from('<svg onload=alert(1)>').toString('base64')] }),
    );
    expect(notPhoto.statusCode).toBe(400);
    expect(notPhoto.json()).toMatchObject({ code: 'PHOTO_INVALID' });
    const photo = await phonePhoto();
    const seven = await submit(jiandu, id, report({ photos: Array.from({ length: 7 }, () => photo) }));
    expect(seven.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const extra = await submit(jiandu, id, { ...report(), fee: 10 });
    expect(extra.statusCode).toBe(400);
    await jiandu.put('/api/auth/me/settings', { locale: 'en' });
    const english = await submit(jiandu, id, report({ ratings: ratingsOf().slice(2) }));
    expect(english.json()).toMatchObject({
      message: 'The checklist has 5 items and each needs one rating (3 received)',
    });
    await jiandu.put('/api/auth/me/settings', { locale: 'zh-TW' });
    const traditional = await submit(jiandu, id, report({ ratings: ratingsOf().slice(2) }));
    expect(traditional.json()).toMatchObject({ message: '檢查表共 5 項，每項須評一次（收到 3 項）' });
    await jiandu.put('/api/auth/me/settings', { locale: 'zh-CN' });
    expect((await detail(jiandu, id)).status).toBe('planned');
    expect(await t.auditCount()).toBe(before + 3); // the three language settings changes
  });

  it('lets only the supervisor it is planned for submit it', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    expect((await submit(street, id, report())).statusCode).toBe(403);
    expect((await submit(await t.login('admin'), id, report())).statusCode).toBe(403);
    expect((await submit(await t.login('zhangwanzhen'), id, report())).statusCode).toBe(403);
  });
});

describe('POST /api/inspections/:id/correct', () => {
  it('corrects within 48 hours by the author, keeping what changed, and not after', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    await submit(jiandu, id, report());
    const corrected = await jiandu.post(`/api/inspections/${id}/correct`, report({ ratings: ratingsOf('B') }));
    expect(corrected.statusCode, corrected.body).toBe(200);
    // 20×66 + 80×100 = 9320 → 93.2 %
    expect(corrected.json()).toMatchObject({ status: 'corrected', total: 93.2, allowedActions: ['correct'] });
    const history = await t.db
      .selectFrom('inspection_events')
      .select(['action', 'before_json', 'after_json'])
      .where('inspection_id', '=', id)
      .where('action', '=', 'correct')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(history.before_json ?? '{}')).toMatchObject({ total: 100 });
    expect(JSON.parse(history.after_json ?? '{}')).toMatchObject({ total: 93.2 });
    expect((await street.post(`/api/inspections/${id}/correct`, report())).statusCode).toBe(403);

    t.clock.advanceMinutes(48 * 60 + 1);
    // Sessions time out after 30 idle minutes: sign in again after the jump.
    await signInAgain();
    const late = await jiandu.post(`/api/inspections/${id}/correct`, report());
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'CORRECTION_WINDOW_CLOSED',
      message: '检查提交已超过 48 小时，不能再更正',
    });
    expect((await detail(jiandu, id)).allowedActions).toEqual([]);
  });

  it('never lets another supervisor see or correct it', async () => {
    const other = await anotherSupervisor(street, '350802003000', 'jd-correct');
    const { id } = await plannedInspection(t, street, jianduId);
    await submit(jiandu, id, report({ visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }));
    expect((await other.client.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/inspections/${id}/correct`, report())).statusCode).toBe(404);
    await street.post(`/api/supervisors/${other.id}/dismiss`, { reason: '测试结束' });
  });
});

describe('reassigning and cancelling', () => {
  it('moves a planned inspection to another supervisor of the street, never to another street’s', async () => {
    const colleague = await anotherSupervisor(street, '350802003000', 'jd-reassign');
    const { id } = await plannedInspection(t, street, jianduId);
    const moved = await street.post(`/api/inspections/${id}/reassign`, {
      supervisorId: colleague.id,
      note: '就近安排',
    });
    expect(moved.json()).toMatchObject({ supervisorId: colleague.id, supervisorName: '陈监督' });
    expect((await colleague.client.get(`/api/inspections/${id}`)).statusCode).toBe(200);
    expect((await jiandu.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    expect((await street.post(`/api/inspections/${id}/reassign`, { supervisorId: colleague.id })).json()).toMatchObject(
      {
        code: 'VALIDATION_FAILED',
      },
    );
    const zhongcheng = await anotherSupervisor(await t.login('zhongcheng'), '350802004000', 'jd-zc-1');
    const across = await street.post(`/api/inspections/${id}/reassign`, { supervisorId: zhongcheng.id });
    expect(across.statusCode).toBe(409);
    expect(across.json()).toMatchObject({ code: 'SUPERVISOR_UNAVAILABLE' });
    await street.post(`/api/supervisors/${colleague.id}/dismiss`, { reason: '测试结束' });
    const dismissed = await street.post(`/api/inspections/${id}/reassign`, { supervisorId: colleague.id });
    expect(dismissed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await street.post(`/api/inspections/${id}/reassign`, { supervisorId: jianduId })).statusCode).toBe(200);
    expect((await jiandu.post(`/api/inspections/${id}/reassign`, { supervisorId: jianduId })).statusCode).toBe(403);
  });

  it('cancels a planned inspection with a reason; a cancelled one cannot be submitted', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    expect((await street.post(`/api/inspections/${id}/cancel`, { reason: '' })).statusCode).toBe(400);
    const cancelled = await street.post(`/api/inspections/${id}/cancel`, { reason: '工作室已停止服务' });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '工作室已停止服务',
      allowedActions: [],
    });
    const late = await submit(
      jiandu,
      id,
      report({ visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'INSPECTION_NOT_ALLOWED',
      message: '检查当前状态（cancelled）下不能进行此操作',
    });
  });
});

describe('scope', () => {
  it('hides another street’s inspections (404) and lets the community read its own', async () => {
    const zc = await t.login('zhongcheng');
    const theirs = await anotherSupervisor(zc, '350802004000', 'jd-zc-2');
    const planned = await plannedInspection(t, zc, theirs.id, 'zhongcheng');
    for (const client of [street, jiandu, await t.login('xixing')])
      expect((await client.get(`/api/inspections/${planned.id}`)).statusCode).toBe(404);
    expect((await street.post(`/api/inspections/${planned.id}/reassign`, { supervisorId: jianduId })).statusCode).toBe(
      404,
    );
    expect((await street.get(`/api/inspections?under=${await t.unitId('350802004000')}`)).statusCode).toBe(404);
    expect((await (await t.login('admin')).get(`/api/inspections/${planned.id}`)).statusCode).toBe(200);
    const community = (await (await t.login('xixing')).get('/api/inspections')).json() as {
      items: InspectionSummary[];
    };
    expect(community.items.length).toBeGreaterThan(0);
    expect(community.items.every((i) => i.unitName.startsWith('西兴社区'))).toBe(true);
    expect((await (await t.login('zhangwanzhen')).get('/api/inspections')).statusCode).toBe(403);
  });
});

describe('the checklist', () => {
  it('is versioned by the district; a past inspection keeps the version it used', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    await submit(jiandu, id, report({ visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }));
    const admin = await t.login('admin');
    const current = (await admin.get('/api/inspection-checklist')).json() as { items: Array<Record<string, unknown>> };
    const next = {
      threshold: 70,
      items: [
        ...current.items,
        { code: 'safety', title: { 'zh-CN': '场所安全', 'zh-TW': '場所安全', en: 'Safe premises' }, weight: 10 },
      ],
    };
    expect((await street.put('/api/inspection-checklist', next)).statusCode).toBe(403);
    expect(
      (await admin.put('/api/inspection-checklist', { ...next, items: [...next.items, next.items[0]] })).json(),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const published = await admin.put('/api/inspection-checklist', next);
    expect(published.json()).toMatchObject({ version: 2, threshold: 70 });
    expect((await detail(jiandu, id)).checklist).toMatchObject({ version: 1, threshold: 60 });
    expect(
      ((await jiandu.get('/api/inspection-checklist/versions/1')).json() as { items: unknown[] }).items,
    ).toHaveLength(5);

    const fresh = await plannedInspection(t, street, jianduId);
    expect((await detail(jiandu, fresh.id)).checklist.version).toBe(2);
    const old = await submit(
      jiandu,
      fresh.id,
      report({ visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }),
    );
    expect(old.json()).toMatchObject({ code: 'CHECKLIST_MISMATCH' });
    const ratings = [...ratingsOf(), { code: 'safety', rating: 'fail', note: '' }];
    const done = await submit(
      jiandu,
      fresh.id,
      report({ visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString(), ratings }),
    );
    // 100 of 110 weight → 90.9 %
    expect(done.json()).toMatchObject({ total: 90.9, checklist: { version: 2 } });
    expect((await t.login('zhangwanzhen').then((c) => c.get('/api/inspection-checklist'))).statusCode).toBe(403);
  });
});
