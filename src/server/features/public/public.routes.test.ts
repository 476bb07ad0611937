import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { HUIMIN_PUBLIC_URL: 'https://huimin.example.cn' } });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, payload });

describe('GET /api/public/studios/:id', () => {
  it('shows a serving studio without login: items, members by name, commitments, public URL', async () => {
    const id = (
      await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
    ).id;
    const res = await get(`/api/public/studios/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      serving: true,
      status: 'active',
      plaqueNumber: 'XL-2011-0002',
      publicUrl: `https://huimin.example.cn/s/${id}`,
    });
    expect(body.members.map((m: { name: string }) => m.name)).toContain('张婉珍');
    expect(body.commitments.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('13905970101');
  });

  it('says so when the plaque was revoked', async () => {
    const id = (await t.db.selectFrom('studios').select('id').where('status', '=', 'revoked').executeTakeFirstOrThrow())
      .id;
    expect((await get(`/api/public/studios/${id}`)).json()).toMatchObject({
      status: 'revoked',
      serving: false,
      contactPhone: null,
    });
  });

  it('hides applications that never served (404)', async () => {
    const { id } = await createStudio(t.db, { status: 'submitted' });
    expect((await get(`/api/public/studios/${id}`)).statusCode).toBe(404);
  });

  it('serves a QR code of the public URL as SVG', async () => {
    const id = (await t.db.selectFrom('studios').select('id').where('status', '=', 'active').executeTakeFirstOrThrow())
      .id;
    const res = await get(`/api/public/studios/${id}/qr.svg`);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toMatch(/^<svg/);
  });
});

describe('GET /api/public/studios (find a studio by name)', () => {
  it('finds serving studios by a part of the name, with their community, and no others', async () => {
    const hits = (await get(`/api/public/studios?q=${encodeURIComponent('婉珍')}`)).json() as Array<{
      name: string;
      unit: { name: string };
    }>;
    expect(hits).toEqual([
      expect.objectContaining({
        name: '婉珍文艺专业服务室',
        unit: expect.objectContaining({ name: '西兴社区居委会' }),
      }),
    ]);
    const revoked = await t.db
      .selectFrom('studios')
      .select('name')
      .where('status', '=', 'revoked')
      .executeTakeFirstOrThrow();
    const found = (await get(`/api/public/studios?q=${encodeURIComponent(revoked.name)}`)).json() as unknown[];
    expect(found).toEqual([]);
  });

  it('treats LIKE wildcards as text and refuses an empty query', async () => {
    expect((await get('/api/public/studios?q=%25')).json()).toEqual([]);
    expect((await get('/api/public/studios?q=')).statusCode).toBe(400);
  });
});

describe('the community bulletin board (公告栏)', () => {
  it('lists every serving studio of the community and no others', async () => {
    const board = (await get(`/api/public/units/${await t.unitId('350802003004')}/board`)).json() as {
      unit: { name: string; parentName: string };
      studios: Array<{ name: string; serving: boolean }>;
    };
    expect(board.unit).toMatchObject({ name: '西兴社区居委会', parentName: '西城街道' });
    expect(board.studios.map((s) => s.name)).toContain('婉珍文艺专业服务室');
    expect(board.studios.map((s) => s.name)).not.toContain('美玲学业辅导工作室');
    expect(board.studios.every((s) => s.serving)).toBe(true);
  });
});

// Sending and confirming the codes: sms-subscriptions.routes.test.ts.
describe('SMS subscription', () => {
  it('refuses a malformed number and a street as the unit', async () => {
    expect(
      (
        await post('/api/public/sms/subscribe', {
          unitId: await t.unitId('350802003001'),
          phone: '12345',
          consent: true,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await post('/api/public/sms/subscribe', {
          unitId: await t.unitId('350802003000'),
          phone: '13711112222',
          consent: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('finds a community by pinyin initials for the subscription page', async () => {
    const units = (await get('/api/public/units?q=xxsq')).json() as Array<{ shortName: string; parentName: string }>;
    // 小溪社区 (xiaoxi shequ) shares the initials; both are offered.
    expect(units.find((u) => u.shortName === '西兴社区')).toMatchObject({ parentName: '西城街道' });
    expect(units.map((u) => u.shortName)).toContain('小溪社区');
  });
});
