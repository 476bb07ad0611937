import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageResult } from '../../../contract/siting.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { BoundedCache } from '../../bounded-cache.ts';
import { bumpSetting } from '../../settings.repository.ts';
import { coverageCacheSize } from './coverage.service.ts';
import { SITING_VERSION } from './siting-stamp.repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const categoryId = async (code: string) =>
  (await t.db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('coverage answers are cached per question and data version', () => {
  it('answers a repeated analysis from the cache, identical and valid, in well under 50 ms', async () => {
    const admin = await t.login('admin');
    const url = `/api/siting/coverage?categoryId=${await categoryId('health')}&picks=5`;
    const first = await admin.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(() => coverageResult.parse(first.json())).not.toThrow();
    const started = performance.now();
    const again = await admin.get(url);
    expect(performance.now() - started).toBeLessThan(50);
    expect(again.body).toBe(first.body);
    expect(coverageCacheSize({ db: t.db } as never).answers.entries).toBeGreaterThan(0);
  });

  it("keeps viewers apart: on the same community, an admin's answer offers edits, a member's does not", async () => {
    const url = `/api/siting/coverage?categoryId=${await categoryId('health')}&radius=100&under=${await t.unitId('350802003004')}`;
    type Areas = { uncovered: Array<{ allowedActions: string[] }> };
    const admin = (await (await t.login('admin')).get(url)).json() as Areas;
    const res = await (await t.login('zhangwanzhen')).get(url);
    expect(res.statusCode).toBe(200);
    const member = res.json() as Areas;
    expect(member.uncovered.length).toBe(admin.uncovered.length);
    expect(admin.uncovered.length).toBeGreaterThan(0);
    expect(admin.uncovered.every((a) => a.allowedActions.includes('update'))).toBe(true);
    expect(member.uncovered.every((a) => a.allowedActions.length === 0)).toBe(true);
  });

  it("sees another instance's new area within a second (the siting version it bumped)", async () => {
    const admin = await t.login('admin');
    const health = await categoryId('health');
    const url = `/api/siting/coverage?categoryId=${health}`;
    const before = (await admin.get(url)).json() as { totalPopulation: number };
    // Another instance writes an area and bumps the version in its transaction; this one is not told.
    const unit = await t.unitId('350802003004');
    await t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('residential_areas')
        .values({
          unit_id: unit,
          name: '别处新建小区',
          population: 1234,
          lng: 117.31,
          lat: 25.31,
          created_at: '2026-12-03T00:00:00Z',
          updated_at: '2026-12-03T00:00:00Z',
        })
        .execute();
      await bumpSetting(trx, SITING_VERSION, '2026-12-03T00:00:00Z');
    });
    await sleep(1100);
    const after = (await admin.get(url)).json() as { totalPopulation: number };
    expect(after.totalPopulation - before.totalPopulation).toBe(1234);
  });

  it("sees another instance's suspension of a serving studio within a second (the studio index's stamp)", async () => {
    const admin = await t.login('admin');
    const health = await categoryId('health');
    const url = `/api/siting/coverage?categoryId=${health}`;
    const before = (await admin.get(url)).json() as { servingStudios: number };
    const serving = await t.db
      .selectFrom('studios')
      .innerJoin('studio_categories', 'studio_categories.studio_id', 'studios.id')
      .select('studios.id')
      .where('studio_categories.category_id', '=', health)
      .where('studios.status', '=', 'active')
      .where('studios.lng', 'is not', null)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('studios')
      .set({ status: 'suspended', updated_at: '2026-12-03T00:00:01Z' })
      .where('id', '=', serving.id)
      .execute();
    await sleep(1100);
    const after = (await admin.get(url)).json() as { servingStudios: number };
    expect(after.servingStudios).toBeLessThan(before.servingStudios);
  });
});

describe('BoundedCache', () => {
  it('drops the least recently used entries to stay within its entries and its weight', () => {
    const cache = new BoundedCache<string>({ maxEntries: 3, maxWeight: 10 });
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A'); // now b is the oldest
    cache.set('c', 'C', 4); // 12 > 10: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 2, weight: 8 });
    cache.set('d', 'D', 1);
    cache.set('e', 'E', 1); // four entries > 3: a (oldest) goes
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 3, weight: 6 });
    cache.set('huge', 'H', 11); // heavier than the whole budget: not kept, nothing dropped
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size.entries).toBe(3);
    cache.set('c', 'C2', 2); // replacing reweighs
    expect(cache.size).toEqual({ entries: 3, weight: 4 });
  });
});
