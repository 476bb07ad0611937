import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres } from '../../test/test-database.ts';
import { PLANNED_PER_CALL, StatementNames } from './pg-prepared.ts';

describe('StatementNames', () => {
  it('names a parameterised query the second time it is seen, and keeps the name', () => {
    const names = new StatementNames();
    const text = 'select "id" from "org_units" where "path" >= $1';
    expect(names.nameOf(text, 1)).toBeUndefined();
    const name = names.nameOf(text, 1);
    expect(name).toMatch(/^hm_\d+$/);
    expect(names.nameOf(text, 1)).toBe(name);
    expect(names.nameOf('select "id" from "org_units" where "path" < $1', 1)).toBeUndefined();
  });

  it('never names transaction control, queries without parameters, long texts, or beyond its cap', () => {
    const names = new StatementNames({ maxNames: 1, maxLength: 100 });
    for (let i = 0; i < 2; i++) {
      expect(names.nameOf('begin', 0)).toBeUndefined();
      expect(names.nameOf('select 1', 0)).toBeUndefined();
      expect(names.nameOf('savepoint "sp" -- $1', 1)).toBeUndefined();
      expect(names.nameOf(`select ${'x'.repeat(100)} where a = $1`, 1)).toBeUndefined();
    }
    names.nameOf('select a from t where a = $1', 1);
    expect(names.nameOf('select a from t where a = $1', 1)).toBeDefined();
    names.nameOf('select b from t where b = $1', 1);
    expect(names.nameOf('select b from t where b = $1', 1)).toBeUndefined();
    expect(names.size).toBe(1);
  });

  it('never names a query planned per call, however often it repeats', () => {
    const names = new StatementNames();
    const text = `select a from t where a >= $1 ${PLANNED_PER_CALL}`;
    for (let i = 0; i < 10; i++) expect(names.nameOf(text, 1)).toBeUndefined();
    expect(names.size).toBe(0);
  });
});

describe.runIf(onPostgres)('named prepared statements on PostgreSQL', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.drop());

  it("prepares a repeated query once on its connection, and Kysely's answers stay the same", async () => {
    const { db } = handle;
    await db
      .insertInto('settings')
      .values({ key: 'prepared.test', value: '42', updated_at: '2026-12-03T00:00:00Z' })
      .execute();
    const read = (trx: typeof db) =>
      trx.selectFrom('settings').select(['key', 'value']).where('key', '=', 'prepared.test').executeTakeFirst();
    const { answers, prepared } = await db.transaction().execute(async (trx) => {
      const answers = [await read(trx), await read(trx), await read(trx)];
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx);
      return { answers, prepared: rows };
    });
    expect(answers).toEqual(Array(3).fill({ key: 'prepared.test', value: '42' }));
    const mine = prepared.filter((p) => p.statement.includes('"settings"') && p.statement.includes('"key" = $1'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^hm_\d+$/);
  });

  it('keeps errors, transactions and rollbacks working through named statements', async () => {
    const { db } = handle;
    const insert = (value: string) =>
      db.insertInto('settings').values({ key: 'prepared.unique', value, updated_at: 'x' }).execute();
    await insert('1');
    await expect(insert('2')).rejects.toThrow();
    await expect(insert('3')).rejects.toThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('settings').set({ value: '9' }).where('key', '=', 'prepared.unique').execute();
        await trx.updateTable('settings').set({ value: '9' }).where('key', '=', 'prepared.unique').execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'prepared.unique').executeTakeFirst();
    expect(row?.value).toBe('1');
  });
});
