import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import {
  complaintAboutWanzhen,
  jpegWithExifBase64,
  laifaStudioId,
  postLetter,
} from '../../../../test/factories/mailbox.ts';
import type { LetterDetail, LetterSummary } from '../../../contract/mailbox.ts';

let t: TestApp;
let street: Client; // 西城街道党工委: its letters are handled here
let other: Client; // 中城街道党工委: another street
let district: Client;
let xichengAccount: number;
beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  other = await t.login('zhongcheng');
  district = await t.login('admin');
  xichengAccount = (
    await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const detail = async (client: Client, id: number) => (await client.get(`/api/letters/${id}`)).json() as LetterDetail;
const auditOf = (id: number) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'actor_name'])
    .where('entity', '=', 'letter')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

describe('scope', () => {
  it("gives another street 404 for this street's letters, and leaves them out of its queue", async () => {
    const { id } = await complaintAboutWanzhen(t);
    expect((await other.get(`/api/letters/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/letters/${id}/contact`)).statusCode).toBe(404);
    expect((await other.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount })).statusCode).toBe(404);
    const queue = (await other.get('/api/letters?limit=500')).json() as { items: LetterSummary[] };
    expect(queue.items.some((l) => l.id === id)).toBe(false);
    expect((await other.get(`/api/letters?under=${await t.unitId('350802003000')}`)).statusCode).toBe(404);
  });

  it("routes a letter about a studio of 中城街道 to 中城街道, out of 西城's sight; the district sees both", async () => {
    const res = await postLetter(t, {
      type: 'suggestion',
      studioId: await laifaStudioId(t),
      text: '建议增加周末的健康咨询时间',
    });
    expect(res.statusCode).toBe(201);
    const id = (
      await t.db
        .selectFrom('letters')
        .select('id')
        .where('tracking_code', '=', (res.json() as { trackingCode: string }).trackingCode)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await detail(other, id)).street.name).toBe('中城街道');
    expect((await street.get(`/api/letters/${id}`)).statusCode).toBe(404);
    const all = (await district.get('/api/letters?limit=500')).json() as { items: LetterSummary[] };
    expect(new Set(all.items.map((l) => l.street.name))).toEqual(new Set(['西城街道', '中城街道']));
  });
});

describe('personal data', () => {
  it('is masked in the queue and the letter, and shown whole only through the audited contact route', async () => {
    const { id, phone } = await complaintAboutWanzhen(t);
    const d = await detail(street, id);
    expect(d).toMatchObject({
      writerName: '王**',
      writerPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      hasPhone: true,
    });
    const queue = (await street.get('/api/letters?limit=500')).json() as { items: LetterSummary[] };
    expect(JSON.stringify(queue)).not.toContain(phone);
    expect(JSON.stringify(queue)).not.toContain('王秀兰');

    const contact = await street.get(`/api/letters/${id}/contact`);
    expect(contact.json()).toEqual({ writerName: '王秀兰', writerPhone: phone });
    const read = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'letter')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'personal.read')
      .execute();
    expect(read).toHaveLength(1);
    expect(read[0]?.actor_name).toBe('xicheng');
    expect(JSON.stringify(await auditOf(id))).not.toContain(phone);
  });

  it('keeps an anonymous writer anonymous', async () => {
    const res = await postLetter(t, {
      type: 'praise',
      studioId: (
        await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
      ).id,
      text: '张老师教广场舞很耐心，感谢！',
    });
    const id = (
      await t.db
        .selectFrom('letters')
        .select('id')
        .where('tracking_code', '=', (res.json() as { trackingCode: string }).trackingCode)
        .executeTakeFirstOrThrow()
    ).id;
    expect(await detail(street, id)).toMatchObject({ writerName: null, writerPhone: null, hasPhone: false });
  });
});

describe('photos', () => {
  it('are stored re-encoded, without the EXIF and GPS the phone put in', async () => {
    const photo = await jpegWithExifBase64(3000, 2000);
    const { id } = await complaintAboutWanzhen(t, { photos: [photo, photo] });
    const d = await detail(street, id);
    expect(d.photos).toHaveLength(2);
    expect(d.photos[0]).toMatchObject({ width: 2048, height: 1365 });
    const res = await street.get(`/api/letters/${id}/photos/${d.photos[0]?.id ?? 0}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2048 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(res.rawPayload.includes(Buffer.from('HUAWEI'))).toBe(false);
    expect((await other.get(`/api/letters/${id}/photos/${d.photos[0]?.id ?? 0}`)).statusCode).toBe(404);
    expect((await street.get(`/api/letters/${id}/photos/999999`)).statusCode).toBe(404);
  });
});

describe('the queue', () => {
  it('lists the most urgent deadline first and filters by state', async () => {
    const mine = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${mine.id}/assign`, { handlerId: xichengAccount });
    const queue = (await street.get('/api/letters?open=1&limit=500')).json() as {
      items: LetterSummary[];
      total: number;
    };
    const dues = queue.items.map((l) => l.nextDue ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    expect(queue.items.every((l) => l.status !== 'closed')).toBe(true);
    const assigned = (await street.get('/api/letters?mine=1&limit=500')).json() as { items: LetterSummary[] };
    expect(assigned.items.every((l) => l.handler?.id === xichengAccount)).toBe(true);
    expect(assigned.items.some((l) => l.id === mine.id)).toBe(true);
    const received = (await street.get('/api/letters?status=received&type=complaint')).json() as {
      items: LetterSummary[];
    };
    expect(received.items.every((l) => l.status === 'received' && l.type === 'complaint')).toBe(true);
  });

  it('counts the whole queue on every page, and past the last one', async () => {
    await complaintAboutWanzhen(t);
    await complaintAboutWanzhen(t);
    type Page = { items: LetterSummary[]; total: number };
    const all = (await street.get('/api/letters?open=1&limit=500')).json() as Page;
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.total).toBe(all.items.length);
    const pages: Page[] = [];
    for (let offset = 0; offset < all.total; offset += 2)
      pages.push((await street.get(`/api/letters?open=1&limit=2&offset=${offset}`)).json() as Page);
    expect(pages.every((p) => p.total === all.total)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((l) => l.id))).toEqual(all.items.map((l) => l.id));
    const past = (await street.get(`/api/letters?open=1&limit=2&offset=${all.total + 10}`)).json() as Page;
    expect(past).toEqual({ items: [], total: all.total });
    // Another shape of filter is its own statement, with its own count.
    const complaints = (await street.get('/api/letters?open=1&type=complaint&limit=500')).json() as Page;
    expect(complaints.total).toBe(all.items.filter((l) => l.type === 'complaint').length);
  });

  it('flags a letter overdue the day after its deadline', async () => {
    // Runs last: it moves the clock, and sessions idle out with it.
    const { id } = await complaintAboutWanzhen(t);
    t.clock.advanceMinutes(2 * 24 * 60); // Friday 27 November, the deadline: not yet overdue
    expect((await detail(await t.login('xicheng'), id)).overdue).toBe(false);
    t.clock.advanceMinutes(24 * 60); // Saturday 28 November
    const later = await t.login('xicheng');
    expect((await detail(later, id)).overdue).toBe(true);
    const overdue = (await later.get('/api/letters?overdue=1&limit=500')).json() as { items: LetterSummary[] };
    expect(overdue.items.some((l) => l.id === id)).toBe(true);
    expect(overdue.items.every((l) => l.overdue)).toBe(true);
  });
});
