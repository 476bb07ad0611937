import { distance } from 'geokdbush';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryIdOf } from '../../../../test/factories/categories.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import { onPostgres } from '../../../../test/test-database.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { StudioIndex } from './studio-index.repository.ts';

let t: TestApp;
let health: number;
let queries = 0;
/** Counts the queries the index sends. */
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    queries++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await createTestApp();
  health = await categoryIdOf(t.db, 'health');
  // A few more serving studios of two categories around 西兴, and one that does not serve.
  for (let i = 0; i < 12; i++) {
    const category = i % 3 === 0 ? 'culture' : 'health';
    await buildStudio(t.db, { category, lng: 117.0 + i * 0.004, lat: 25.08 + (i % 4) * 0.003 });
  }
  await buildStudio(t.db, { category: 'health', status: 'revoked', lng: 117.01, lat: 25.09 });
});
afterAll(() => t.close());

/** The serving studios of a category nearest a point, by reading every row. */
async function bruteForce(lng: number, lat: number, categoryId: number, limit: number) {
  const rows = await t.db
    .selectFrom('studios')
    .innerJoin('studio_categories', 'studio_categories.studio_id', 'studios.id')
    .select(['studios.id', 'studios.lng', 'studios.lat'])
    .where('studios.status', 'in', ['active', 'rectification'])
    .where('studio_categories.category_id', '=', categoryId)
    .where('studios.lng', 'is not', null)
    .execute();
  return rows
    .map((r) => ({ id: r.id, d: distance(lng, lat, r.lng ?? 0, r.lat ?? 0) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((r) => r.id);
}

describe('the nearest-studio index', () => {
  it('answers a category from its own tree as reading every row would', async () => {
    const index = new StudioIndex(t.db);
    for (const [lng, lat] of [
      [117.02, 25.09],
      [116.9, 25.2],
      [117.1, 25.0],
    ] as const) {
      const found = await index.nearest(lng, lat, 5, health);
      expect(found.map((s) => s.id)).toEqual(await bruteForce(lng, lat, health, 5));
      expect(found.every((s) => s.categoryIds.includes(health))).toBe(true);
      expect(found.map((s) => s.distanceM)).toEqual(
        found.map((s) => Math.round(distance(lng, lat, s.lng, s.lat) * 1000)),
      );
    }
    expect(await index.nearest(117.02, 25.09, 5, 999_999)).toEqual([]);
    expect((await index.nearest(117.02, 25.09, 50)).length).toBeGreaterThan(10);
  });

  it('looks at the database at most once a second, before answering when over a second old, and at once after invalidate()', async () => {
    const index = new StudioIndex(t.db.withPlugin(counting));
    await index.nearest(117.02, 25.09, 3, health);
    const built = await buildStudio(t.db, { category: 'health', lng: 117.0201, lat: 25.0901 });
    queries = 0;
    // Younger than a second: memory only, so the new studio is not seen yet.
    expect((await index.nearest(117.02, 25.09, 1, health))[0]?.id).not.toBe(built.id);
    expect(queries).toBe(0);
    await sleep(1100);
    // Over a second old: the look comes first, so this answer already has the new studio.
    expect((await index.nearest(117.02, 25.09, 1, health))[0]?.id).toBe(built.id);
    // And the next, within the second, comes from memory again.
    queries = 0;
    await index.nearest(117.02, 25.09, 1, health);
    expect(queries).toBe(0);

    // A change made by this instance is seen by the next query.
    await t.db.updateTable('studios').set({ status: 'revoked' }).where('id', '=', built.id).execute();
    index.invalidate();
    expect((await index.nearest(117.02, 25.09, 1, health))[0]?.id).not.toBe(built.id);
  });

  it.skipIf(onPostgres)(
    'on SQLite, spends a second without writes on two counters, not on scanning the studios',
    async () => {
      const index = new StudioIndex(t.db.withPlugin(counting));
      await index.nearest(117.02, 25.09, 3, health);
      await sleep(1100);
      queries = 0;
      await index.nearest(117.02, 25.09, 3, health);
      await sleep(50);
      expect(queries).toBe(1);
    },
  );
});
