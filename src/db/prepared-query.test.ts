import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { preparedQuery } from './prepared-query.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.drop());

describe('prepared queries', () => {
  it('builds a query once and runs it with each call’s named arguments, constants kept', async () => {
    let builds = 0;
    const upsert = preparedQuery((db, a: { key: string; value: string }) => {
      builds += 1;
      return db
        .insertInto('settings')
        .values({ key: a.key, value: a.value, updated_at: 'fixed' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: a.value }))
        .returning(['key', 'value', 'updated_at']);
    });
    const byKey = preparedQuery((db, a: { key: string }) =>
      db.selectFrom('settings').select(['key', 'value']).where('key', '=', a.key).where('updated_at', '=', 'fixed'),
    );
    expect(await upsert.rows(h.db, { key: 'p.one', value: '1' })).toEqual([
      { key: 'p.one', value: '1', updated_at: 'fixed' },
    ]);
    await upsert.rows(h.db, { key: 'p.two', value: '2' });
    // The argument used twice (the inserted value and the conflict's update) is bound twice.
    await upsert.rows(h.db, { key: 'p.one', value: '3' });
    expect(builds).toBe(1);
    expect(await byKey.rows(h.db, { key: 'p.one' })).toEqual([{ key: 'p.one', value: '3' }]);
    expect(await byKey.rows(h.db, { key: 'p.two' })).toEqual([{ key: 'p.two', value: '2' }]);
    expect(await byKey.rows(h.db, { key: 'p.none' })).toEqual([]);
    // Inside a transaction too (the same dialect: still built once).
    await h.db.transaction().execute(async (trx) => {
      await upsert.rows(trx, { key: 'p.three', value: '4' });
      expect(await byKey.rows(trx, { key: 'p.three' })).toEqual([{ key: 'p.three', value: '4' }]);
    });
    expect(builds).toBe(1);
  });
});
