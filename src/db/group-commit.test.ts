import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { GroupCommitter } from './group-commit.ts';

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
});
