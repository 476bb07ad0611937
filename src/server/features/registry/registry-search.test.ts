import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { volunteerPage } from '../../../contract/registry.ts';
import { searchKeysOf } from '../../../domain/text/search-keys.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { insertVolunteers } from './registry.repository.ts';
import { insertSearchTerms } from './volunteer-terms.repository.ts';
import { ESTIMATE_ABOVE } from './volunteer-search.repository.ts';

let t: TestApp;
const MANY = 1500;
let planted: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // 1,500 people surnamed 欧阳 over two communities of two streets: more than the registry
  // counts exactly, so the district admin's search estimates its total.
  const units = [await t.unitId('350802003004'), await t.unitId('350802004001')];
  const at = '2026-12-03T00:00:00Z';
  for (let i = 0; i < MANY; i += 500) {
    const rows = Array.from({ length: 500 }, (_, k) => {
      const name = `欧阳${'明华'[k % 2]}${'一二三四五'[(i + k) % 5]}`;
      const keys = searchKeysOf(name);
      return {
        kind: 'talent',
        name,
        phone: `1990000${String(i + k).padStart(4, '0')}`,
        unit_id: units[(i + k) % 2]!,
        pinyin: keys.pinyin,
        initials: keys.initials,
        screening_status: 'candidate',
        created_at: at,
        updated_at: at,
      };
    });
    const ids = await insertVolunteers(t.db, rows);
    await insertSearchTerms(
      t.db,
      rows.map((r, k) => ({ ...r, id: ids[k]! })),
    );
    planted = [...planted, ...ids];
  }
});
afterAll(() => t.close());

type Page = { items: Array<{ id: number; name: string }>; total: number; totalIsEstimate: boolean };

describe('GET /api/volunteers: a common surname across the whole tree', () => {
  it('pages the matches in record order and estimates a total above the threshold, saying so', async () => {
    const admin = await t.login('admin');
    const res = await admin.get(`/api/volunteers?q=${encodeURIComponent('欧阳')}&limit=20`);
    expect(res.statusCode).toBe(200);
    const page = volunteerPage.parse(res.json()) as Page;
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBeGreaterThan(ESTIMATE_ABOVE);
    expect(Math.abs(page.total - MANY)).toBeLessThanOrEqual(MANY * 0.1);
    expect(page.items.map((v) => v.id)).toEqual(planted.slice(0, 20));
    // A later page follows on, in the same order.
    const next = (await admin.get(`/api/volunteers?q=${encodeURIComponent('欧阳')}&limit=20&offset=20`)).json() as Page;
    expect(next.items.map((v) => v.id)).toEqual(planted.slice(20, 40));
  });

  it('counts exactly up to the threshold: a rarer name, pinyin and initials', async () => {
    const admin = await t.login('admin');
    for (const q of ['欧阳明一', 'ouyangmingyi', 'oymy']) {
      const page = (await admin.get(`/api/volunteers?q=${encodeURIComponent(q)}&limit=20`)).json() as Page;
      expect(page.totalIsEstimate, q).toBe(false);
      expect(page.total, q).toBe(MANY / 10);
      expect(page.items.every((v) => v.name === '欧阳明一')).toBe(true);
    }
  });

  it("counts a street's matches exactly, and only its own", async () => {
    const street = await t.login('xicheng');
    const page = (await street.get(`/api/volunteers?q=${encodeURIComponent('欧阳')}&limit=20`)).json() as Page;
    expect(page.totalIsEstimate).toBe(false);
    expect(page.total).toBe(MANY / 2);
    const ids = new Set(planted.filter((_, i) => i % 2 === 0));
    expect(page.items.every((v) => ids.has(v.id))).toBe(true);
    // A page past the end has no row to carry the count: it is counted apart.
    const past = (
      await street.get(`/api/volunteers?q=${encodeURIComponent('欧阳')}&limit=20&offset=5000`)
    ).json() as Page;
    expect(past.items).toEqual([]);
    expect(past.total).toBe(MANY / 2);
  });

  it('answers a repeated search from its kept page until a record changes', async () => {
    const street = await t.login('xicheng');
    const url = `/api/volunteers?q=${encodeURIComponent('欧阳明一')}&limit=5`;
    type Item = { id: number; screeningStatus: string };
    const first = await street.get(url);
    expect((await street.get(url)).body).toBe(first.body);
    const [item] = (first.json() as { items: Item[] }).items;
    expect(item?.screeningStatus).toBe('candidate');
    const screened = await street.post(`/api/volunteers/${item?.id}/screening`, { status: 'selected', reason: '测试' });
    expect(screened.statusCode, screened.body).toBe(200);
    const after = (await street.get(url)).json() as { items: Item[] };
    expect(after.items.find((v) => v.id === item?.id)?.screeningStatus).toBe('selected');
  });

  it('counts exactly when a filter narrows the search', async () => {
    const admin = await t.login('admin');
    const page = (
      await admin.get(`/api/volunteers?q=${encodeURIComponent('欧阳')}&kind=talent&limit=5`)
    ).json() as Page;
    expect(page.totalIsEstimate).toBe(false);
    expect(page.total).toBeGreaterThanOrEqual(MANY);
  });
});
