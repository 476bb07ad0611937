import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { GroupCommitter, type BatchStep } from './group-commit.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.drop());

const insert = (key: string) => (trx: Parameters<Parameters<GroupCommitter['run']>[0]>[0]) =>
  trx.insertInto('settings').values({ key, value: key, updated_at: '' }).returning('key').executeTakeFirstOrThrow();

describe('group commit', () => {
  it('commits concurrent jobs together, and a failing job alone is rolled back', async () => {
    const committer = new GroupCommitter(h.db);
    const results = await Promise.allSettled([
      committer.run(insert('a')),
      committer.run(insert('b')),
      committer.run(insert('a')), // duplicate key: fails on its own
      committer.run(insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const keys = (
      await h.db.selectFrom('settings').select('key').where('key', 'in', ['a', 'b', 'c']).orderBy('key').execute()
    ).map((r) => r.key);
    expect(keys).toEqual(['a', 'b', 'c']);
  });

  it('undoes a job that failed half-way, and keeps the others of its batch once', async () => {
    const committer = new GroupCommitter(h.db);
    const counted: string[][] = [];
    const step: BatchStep<string> = {
      run: async (_trx, items) => void counted.push(items),
    };
    const job = (key: string, failAfterInsert = false) =>
      committer.run(async (trx, batch) => {
        await insert(key)(trx);
        batch.add(step, key);
        if (failAfterInsert) throw new Error('failed after its insert');
        return key;
      });
    const results = await Promise.allSettled([job('h1'), job('h2', true), job('h3')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const keys = await h.db.selectFrom('settings').select('key').where('key', 'like', 'h%').orderBy('key').execute();
    expect(keys.map((k) => k.key)).toEqual(['h1', 'h3']);
    // The batch step saw the jobs that succeeded, once.
    expect(counted).toEqual([['h1', 'h3']]);
  });

  it('groups jobs that arrive during a commit into the next transaction', async () => {
    const committer = new GroupCommitter(h.db);
    const many = await Promise.all(Array.from({ length: 300 }, (_, i) => committer.run(insert(`k${i}`))));
    expect(many).toHaveLength(300);
    const n = await h.db
      .selectFrom('settings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', 'like', 'k%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(300);
  });

  it('runs a batch step once per batch with the items of the jobs that succeeded, or rolls the batch back', async () => {
    const committer = new GroupCommitter(h.db);
    const seen: string[][] = [];
    const total: BatchStep<string> = {
      run: async (trx, items) => {
        seen.push(items);
        const key = `total-${seen.length}`;
        await trx
          .insertInto('settings')
          .values({ key, value: items.join(','), updated_at: '' })
          .execute();
      },
    };
    const job = (key: string, step = total) =>
      committer.run(async (trx, batch) => {
        batch.add(step, key);
        return insert(key)(trx);
      });
    const results = await Promise.allSettled([job('s1'), job('s2'), job('s1'), job('s3')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // Jobs that arrive together share one batch (and one commit).
    expect(seen).toEqual([['s1', 's2', 's3']]);
    const rows = await h.db
      .selectFrom('settings')
      .select('value')
      .where('key', 'like', 'total-%')
      .orderBy('key')
      .execute();
    expect(rows.map((r) => r.value)).toEqual(['s1,s2,s3']);

    // A failing step rolls back every job of its batch, and each of them is told.
    const failing: BatchStep<string> = {
      run: () => Promise.reject(new Error('step failed')),
    };
    const again = await Promise.allSettled([job('s4', failing), job('s5', failing)]);
    expect(again.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const left = await h.db.selectFrom('settings').select('key').where('key', 'in', ['s4', 's5']).execute();
    expect(left).toEqual([]);
  });
});
