import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';

let t: TestApp;
let community: Client;
const code = async (c: string) =>
  (await t.db.selectFrom('categories').select('id').where('code', '=', c).executeTakeFirstOrThrow()).id;
beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('xixing');
});
afterAll(() => t.close());

const record = async (text: string, extra: Record<string, unknown> = {}) =>
  community.post('/api/needs', {
    unitId: await t.unitId('350802003004'),
    channel: 'visit',
    recordedOn: '2026-11-20',
    text,
    ...extra,
  });

type Recorded = {
  need: {
    id: number;
    categoryId: number | null;
    suggestedCategoryId: number | null;
    residentName: string | null;
    residentPhone: string | null;
    categorySource: string;
  };
  suggestion: {
    categoryId: number | null;
    confidence: number;
    askAPerson: boolean;
    ranking: Array<{ categoryId: number; p: number }>;
  };
};

describe('recording needs (访民情)', () => {
  it('files a clear need under the suggested category, with its confidence, and masks the resident', async () => {
    const res = await record('孩子放学后没人辅导作业，家长下班晚', {
      residentName: '李秀英',
      residentPhone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    const r = res.json() as Recorded;
    expect(r.suggestion.categoryId).toBe(await code('education'));
    expect(r.suggestion.confidence).toBeGreaterThan(0.5);
    expect(r.need).toMatchObject({
      categoryId: await code('education'),
      categorySource: 'auto',
      residentName: '李**',
      residentPhone: '138****5678',
    });
    expect(r.suggestion.ranking.length).toBe(3);
  });

  it('leaves a need it cannot judge for a person to file (confidence below the threshold)', async () => {
    const r = (await record('你好，有点事')).json() as Recorded;
    expect(r.suggestion.askAPerson).toBe(true);
    expect(r.suggestion.confidence).toBeLessThan(0.5);
    expect(r.need.categoryId).toBeNull();
    const queue = (await community.get('/api/needs?uncategorised=1')).json() as { items: Array<{ id: number }> };
    expect(queue.items.map((n) => n.id)).toContain(r.need.id);
  });

  it('keeps a staff correction and learns from it', async () => {
    const text = '村里的水泥路坏了好几处，下雨天老人走路不方便';
    const first = (await record(text)).json() as Recorded;
    const repair = await code('repair');
    const corrected = await community.put(`/api/needs/${first.need.id}/category`, { categoryId: repair });
    expect(corrected.json()).toMatchObject({
      categoryId: repair,
      categorySource: 'staff',
      suggestedCategoryId: first.suggestion.categoryId,
    });
    const again = (await community.post('/api/needs/classify', { text })).json() as Recorded['suggestion'];
    expect(again.categoryId).toBe(repair);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'need')
      .where('entity_id', '=', String(first.need.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'category.correct']);
  });

  it('refuses a unit of another street (404), a member (403), and empty text (400)', async () => {
    expect(
      (
        await (
          await t.login('xicheng')
        ).post('/api/needs', {
          unitId: await t.unitId('350802004001'),
          channel: 'diary',
          recordedOn: '2026-11-20',
          text: '需要法律咨询',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.login('zhangwanzhen')
        ).post('/api/needs', {
          unitId: await t.unitId('350802003004'),
          channel: 'diary',
          recordedOn: '2026-11-20',
          text: '需要法律咨询',
        })
      ).statusCode,
    ).toBe(403);
    expect((await record('')).statusCode).toBe(400);
  });
});

describe('what a viewer may do with a need', () => {
  it('tells the party organisation that recorded it that it may set the category', async () => {
    const recorded = (await record('楼道灯坏了好几天，晚上老人上下楼不方便')).json() as {
      need: { id: number; allowedActions: string[] };
    };
    expect(recorded.need.allowedActions).toEqual(['update']);
    const list = (await community.get('/api/needs?limit=500')).json() as {
      items: Array<{ id: number; allowedActions: string[] }>;
    };
    expect(list.items.find((n) => n.id === recorded.need.id)?.allowedActions).toEqual(['update']);
  });
});

describe('GET /api/needs/pressing', () => {
  type Pressing = {
    total: number;
    previousTotal: number;
    previous: { from: string; to: string };
    byCategory: Array<{ categoryId: number | null; count: number; previous: number; change: number }>;
    byUnit: Array<{ unitId: number; name: string; count: number; topCategoryId: number | null }>;
  };

  it('counts a quarter by category and by street for the district, against the quarter before', async () => {
    const res = await (await t.login('admin')).get('/api/needs/pressing?from=2026-09-01&to=2026-11-30');
    expect(res.statusCode).toBe(200);
    const p = res.json() as Pressing;
    expect(p.previous).toEqual({ from: '2026-06-02', to: '2026-08-31' });
    expect(p.total).toBeGreaterThan(0);
    expect(p.byCategory.reduce((s, c) => s + c.count, 0)).toBe(p.total);
    expect(p.byCategory.reduce((s, c) => s + c.previous, 0)).toBe(p.previousTotal);
    expect(p.byCategory.every((c) => c.change === c.count - c.previous)).toBe(true);
    expect(p.byUnit).toHaveLength(20);
    expect(p.byUnit.reduce((s, u) => s + u.count, 0)).toBe(p.total);
    const counts = p.byCategory.map((c) => c.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('drills down to a street’s communities', async () => {
    const street = await t.unitId('350802003000');
    const p = (
      await (await t.login('admin')).get(`/api/needs/pressing?from=2026-05-01&to=2026-11-30&under=${street}`)
    ).json() as Pressing;
    expect(p.byUnit.map((u) => u.name)).toContain('西兴社区居委会');
    expect(
      (
        await (
          await t.login('xicheng')
        ).get(`/api/needs/pressing?from=2026-05-01&to=2026-11-30&under=${await t.unitId('350802004000')}`)
      ).statusCode,
    ).toBe(404);
    expect((await (await t.login('admin')).get('/api/needs/pressing?from=2026-11-30&to=2026-05-01')).statusCode).toBe(
      400,
    );
  });
});
