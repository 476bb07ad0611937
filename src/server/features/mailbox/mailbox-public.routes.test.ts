import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories.ts';
import {
  complaintAboutWanzhen,
  freshIp,
  freshPhone,
  jpegWithExifBase64,
  letterIdOf,
  postLetter,
  rate,
  wanzhenStudioId,
} from '../../../../test/factories/mailbox.ts';
import type { LetterDetail, LetterSummary, TrackedLetter } from '../../../contract/mailbox.ts';
import { MAX_PHOTO_BYTES } from '../../../contract/mailbox.ts';

let t: TestApp;
let street: Client;
let district: Client;
let xixing: number;
let studio: number;
beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  district = await t.login('admin');
  xixing = await t.unitId('350802003004');
  studio = await wanzhenStudioId(t);
});
afterAll(() => t.close());

const track = (code: string, lang?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/public/letters/${code}`,
    headers: lang ? { 'accept-language': lang } : {},
  });

describe('POST /api/public/letters', () => {
  it('takes a general letter about a community, routes it to its street and answers a tracking code', async () => {
    const phone = freshPhone();
    const res = await postLetter(t, {
      type: 'suggestion',
      unitId: xixing,
      text: '建议在社区增设法律咨询服务，老人遇到纠纷不知道找谁。',
      writerName: '李建华',
      writerPhone: phone,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { trackingCode: string; status: string; duplicate: boolean; forwarded: null };
    expect(created).toMatchObject({ status: 'received', duplicate: false, forwarded: null });
    expect(created.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);

    const tracked = (await track(created.trackingCode.toLowerCase())).json() as TrackedLetter;
    expect(tracked).toMatchObject({
      type: 'suggestion',
      status: 'received',
      studioName: null,
      unitName: '西兴社区居委会',
      receivedOn: '2026-11-25',
      nextDue: '2026-11-27',
      canRate: false,
      timeline: [{ action: 'write', note: null }],
    });
    const sms = await t.db
      .selectFrom('outbox')
      .select(['template_id', 'recipient', 'body'])
      .where('entity_id', '=', created.trackingCode)
      .execute();
    expect(sms).toEqual([
      {
        template_id: 'HUIMIN_LETTER_RECEIVED',
        recipient: phone,
        body: `您的监督信件已收到，跟踪码 ${created.trackingCode}，可凭跟踪码查询办理进度和答复。`,
      },
    ]);
    const id = await letterIdOf(t, created.trackingCode);
    expect(((await street.get(`/api/letters/${id}`)).json() as LetterDetail).street.name).toBe('西城街道');
  });

  it("forwards an accusation (检举控告) to the discipline inspection body at once, out of the street's queue", async () => {
    const phone = freshPhone();
    const res = await postLetter(t, {
      type: 'accusation',
      studioId: studio,
      text: '反映某党员利用工作室名义收取群众费用的问题。',
      writerPhone: phone,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { trackingCode: string };
    expect(created).toMatchObject({ status: 'closed', forwarded: { to: '新罗区纪委监委', on: '2026-11-25' } });
    const tracked = (await track(created.trackingCode)).json() as TrackedLetter;
    expect(tracked).toMatchObject({
      status: 'closed',
      closure: 'forwarded',
      forwarded: { to: '新罗区纪委监委', on: '2026-11-25' },
      nextDue: null,
    });
    expect(tracked.timeline.map((e) => e.action)).toEqual(['write', 'forward']);

    const id = await letterIdOf(t, created.trackingCode);
    expect((await street.get(`/api/letters/${id}`)).statusCode).toBe(404);
    const queue = (await street.get('/api/letters?limit=500')).json() as { items: LetterSummary[] };
    expect(queue.items.some((l) => l.type === 'accusation')).toBe(false);
    expect(((await district.get(`/api/letters/${id}`)).json() as LetterDetail).closure).toBe('forwarded');
    const sms = await t.db.selectFrom('outbox').select('body').where('entity_id', '=', created.trackingCode).execute();
    expect(sms.map((s) => s.body)).toEqual([
      `您反映的问题已于2026-11-25转交新罗区纪委监委处理，跟踪码 ${created.trackingCode}。`,
    ]);
  });

  it('answers the first tracking code when the same letter comes twice', async () => {
    const phone = freshPhone();
    const body = {
      type: 'complaint',
      studioId: studio,
      text: '广场舞音响太吵，晚上九点后还在放。',
      writerPhone: phone,
    };
    const first = await postLetter(t, body);
    const again = await postLetter(t, { ...body, text: '广场舞音响太吵，晚上九点后还在放！！' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      duplicate: true,
      trackingCode: (first.json() as { trackingCode: string }).trackingCode,
    });
    const other = await postLetter(t, { ...body, type: 'suggestion', text: '建议把广场舞时间提前到晚上七点。' });
    expect(other.statusCode).toBe(201);
  });

  it('detects a duplicate from an anonymous writer by address', async () => {
    const ip = freshIp();
    const body = { type: 'praise', studioId: studio, text: '感谢张老师义务教书法，孩子进步很大。' };
    const first = await postLetter(t, body, { ip });
    expect((await postLetter(t, body, { ip })).json()).toMatchObject({
      duplicate: true,
      trackingCode: (first.json() as { trackingCode: string }).trackingCode,
    });
    expect((await postLetter(t, body)).statusCode).toBe(201);
  });

  it('limits letters per phone and per address (429)', async () => {
    const phone = freshPhone();
    const texts = [
      '建议增加书法课',
      '路灯坏了很久没人修',
      '希望周末也能测血压',
      '老年食堂菜品太咸',
      '快递柜门口积水严重',
      '小区健身器材生锈',
      '垃圾分类点位太远',
      '社区图书角书太旧',
      '楼道堆放杂物有隐患',
      '停车位划线不清楚',
    ];
    for (let i = 0; i < 5; i++) {
      const res = await postLetter(t, { type: 'suggestion', unitId: xixing, text: texts[i] ?? '', writerPhone: phone });
      expect(res.statusCode, res.body).toBe(201);
    }
    const sixth = await postLetter(
      t,
      { type: 'praise', unitId: xixing, text: '再写一封表扬信', writerPhone: phone },
      { lang: 'en' },
    );
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'RATE_LIMITED' });

    const ip = freshIp();
    for (const text of texts)
      expect((await postLetter(t, { type: 'suggestion', unitId: xixing, text }, { ip })).statusCode, text).toBe(201);
    expect((await postLetter(t, { type: 'suggestion', unitId: xixing, text: '第十一封信' }, { ip })).statusCode).toBe(
      429,
    );
  });

  it("refuses bad input with a stable code and a message in the request's language, writing nothing", async () => {
    const before = await t.auditCount();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ type: 'complaint', text: '没有说是哪里' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'complaint', studioId: studio, unitId: xixing, text: '两个都填了' }, 400, 'VALIDATION_FAILED'],
      [
        { type: 'complaint', unitId: await t.unitId('350802003000'), text: '选了街道而不是社区' },
        400,
        'VALIDATION_FAILED',
      ],
      [{ type: 'complaint', studioId: 999_999, text: '没有这个工作室' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'gossip', unitId: xixing, text: '不是信件类型' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'complaint', unitId: xixing, text: '短' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'complaint', unitId: xixing, text: '手机号不对的信件', writerPhone: '12345' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'complaint', unitId: xixing, text: '多了一个字段的信件', fee: 10 }, 400, 'VALIDATION_FAILED'],
      [
        { type: 'complaint', unitId: xixing, text: '照片不是图片的信件', photos: ['bm90IGFuIGltYWdl'] },
        400,
        'PHOTO_INVALID',
      ],
      [{ type: 'complaint', unitId: xixing, text: '照片不是 base64 的信件', photos: ['***'] }, 400, 'PHOTO_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await postLetter(t, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code });
    }
    const draft = await createStudio(t.db, { status: 'draft' });
    expect(
      (await postLetter(t, { type: 'complaint', studioId: draft.id, text: '还没有挂牌的工作室' })).statusCode,
    ).toBe(400);

    const en = await postLetter(
      t,
      { type: 'complaint', unitId: xixing, text: '照片不是图片的信件', photos: ['bm90IGFuIGltYWdl'] },
      { lang: 'en' },
    );
    expect(en.json()).toMatchObject({
      code: 'PHOTO_INVALID',
      message: 'The photo could not be read; send a JPEG, PNG or WebP image',
    });
    const tw = await postLetter(
      t,
      { type: 'complaint', unitId: xixing, text: '照片不是图片的信件', photos: ['bm90IGFuIGltYWdl'] },
      { lang: 'zh-TW' },
    );
    expect(tw.json()).toMatchObject({ message: '照片無法識別，請上傳 JPEG、PNG 或 WebP 格式的圖片' });
    expect(await t.auditCount()).toBe(before);
  });

  it('takes up to 3 photos, each at most 5 MB', async () => {
    const photo = await jpegWithExifBase64(400, 300);
    const four = await postLetter(t, {
      type: 'complaint',
      unitId: xixing,
      text: '四张照片的信件',
      photos: [photo, photo, photo, photo],
    });
    expect(four.statusCode).toBe(400);
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 3, 1).toString('base64');
    const tooBig = await postLetter(
      t,
      { type: 'complaint', unitId: xixing, text: '照片太大的信件', photos: [big] },
      { lang: 'en' },
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'PHOTO_TOO_LARGE', message: 'Each photo can be at most 5 MB' });
    const three = await postLetter(t, {
      type: 'complaint',
      unitId: xixing,
      text: '三张照片的信件',
      photos: [photo, photo, photo],
    });
    expect(three.statusCode).toBe(201);
    expect(
      ((await track((three.json() as { trackingCode: string }).trackingCode)).json() as TrackedLetter).photoCount,
    ).toBe(3);
  });
});

describe('GET /api/public/letters/:code', () => {
  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await track('ZZZZZZZZ')).statusCode).toBe(404);
    expect((await track('no!')).statusCode).toBe(400);
  });
});

describe('POST /api/public/letters/:code/rating', () => {
  it("refuses a verdict before the reply, in the writer's language", async () => {
    const { code } = await complaintAboutWanzhen(t);
    const res = await rate(t, code, 'satisfied', 'zh-TW');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LETTER_STATE_CONFLICT', message: '信件目前的辦理狀態下不能進行此操作' });
    expect((await rate(t, code, 'delighted')).statusCode).toBe(400);
    expect((await rate(t, 'ZZZZZZZZ', 'satisfied')).statusCode).toBe(404);
  });

  it('refuses a second verdict on the same reply', async () => {
    const { code, id } = await complaintAboutWanzhen(t);
    const handler = (
      await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow()
    ).id;
    await street.post(`/api/letters/${id}/assign`, { handlerId: handler });
    await street.post(`/api/letters/${id}/acknowledge`);
    await street.post(`/api/letters/${id}/reply`, { text: '已处理' });
    expect((await rate(t, code, 'basic')).statusCode).toBe(200);
    expect((await rate(t, code, 'unsatisfied')).statusCode).toBe(409);
    expect(((await track(code)).json() as TrackedLetter).verdict).toBe('basic');
  });

  it('closes the window after 10 days: the verdict is refused and the letter stays 未评价', async () => {
    // Runs last: it moves the clock.
    const { code, id } = await complaintAboutWanzhen(t);
    const handler = (
      await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow()
    ).id;
    await street.post(`/api/letters/${id}/assign`, { handlerId: handler });
    await street.post(`/api/letters/${id}/acknowledge`);
    await street.post(`/api/letters/${id}/reply`, { text: '已处理' });
    t.clock.advanceMinutes(11 * 24 * 60);
    const late = await rate(t, code, 'satisfied', 'en');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'RATING_WINDOW_CLOSED',
      message: 'The time to rate this reply has passed; it stays unrated',
    });
    expect((await track(code)).json() as TrackedLetter).toMatchObject({ canRate: false, verdict: null });
  });
});
