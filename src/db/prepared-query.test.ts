import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { preparedPerShape, preparedQuery } from './prepared-query.ts';

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

  it('builds one query per shape, each with only the conditions its shape names', async () => {
    let builds = 0;
    const byShape = preparedPerShape(
      (db, shape: { byKey: boolean; byValue: boolean }, a: { key: string; value: string }) => {
        builds += 1;
        let q = db.selectFrom('settings').select('key').where('key', 'like', 'shape.%');
        if (shape.byKey) q = q.where('key', '=', a.key);
        if (shape.byValue) q = q.where('value', '=', a.value);
        return q.orderBy('key');
      },
    );
    await h.db
      .insertInto('settings')
      .values([
        { key: 'shape.a', value: 'x', updated_at: 'fixed' },
        { key: 'shape.b', value: 'x', updated_at: 'fixed' },
        { key: 'shape.c', value: 'y', updated_at: 'fixed' },
      ])
      .execute();
    const keys = async (shape: { byKey: boolean; byValue: boolean }) =>
      (await byShape(shape).rows(h.db, { key: 'shape.b', value: 'x' })).map((r) => r.key);
    expect(await keys({ byKey: false, byValue: false })).toEqual(['shape.a', 'shape.b', 'shape.c']);
    expect(await keys({ byKey: false, byValue: true })).toEqual(['shape.a', 'shape.b']);
    expect(await keys({ byKey: true, byValue: true })).toEqual(['shape.b']);
    // The same shape, its keys in another order: the query made for it, not a new one.
    expect(await keys({ byValue: true, byKey: false })).toEqual(['shape.a', 'shape.b']);
    expect(builds).toBe(3);
  });
});
