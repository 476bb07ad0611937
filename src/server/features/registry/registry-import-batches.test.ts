import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { goodRow, settledImport, uploadRegistryWorkbook, workbookOf } from '../../../../test/registry-workbook.ts';
import { COMMIT_BATCH } from '../../import-runner.ts';

/**
 * A commit in mode `valid` writes in batches (one transaction each, so other writers get in
 * between): every batch with its audit entry, its records' search terms and the import's
 * count, and a failure half-way leaves an import that says what it wrote, whose file runs
 * again to the same end as one uninterrupted commit.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('xixing');
});
afterAll(() => t.close());

async function validated(file: Buffer): Promise<{ id: number; duplicateRows: number }> {
  const id = await uploadRegistryWorkbook(admin, file, 'batches.xlsx');
  const s = await settledImport(admin, id);
  expect(s.status).toBe('validated');
  return s;
}

const count = async (table: 'volunteers' | 'volunteer_terms') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const commitAudits = async (id: number) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'import')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'commit')
      .orderBy('id')
      .execute()
  ).map((r) => JSON.parse(r.after_json ?? '{}'));

describe('a commit in batches', () => {
  it('writes every batch with its audit entry and search terms', async () => {
    const rows = COMMIT_BATCH * 2 + 7;
    const file = await workbookOf(Array.from({ length: rows }, (_, i) => goodRow(850_000 + i)));
    const { id } = await validated(file);
    const before = { people: await count('volunteers'), terms: await count('volunteer_terms') };
    const res = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', committedRows: rows });
    expect(await count('volunteers')).toBe(before.people + rows);
    // Every new person is findable: at least one term each (name characters, pinyin, initials).
    expect(await count('volunteer_terms')).toBeGreaterThan(before.terms + rows * 5);
    const audits = await commitAudits(id);
    expect(audits.map((a) => [a.batch, a.of, a.committed])).toEqual([
      [1, 3, COMMIT_BATCH],
      [2, 3, COMMIT_BATCH],
      [3, 3, 7],
    ]);
    expect(audits[2].total).toEqual({ committed: rows, skipped: 0 });
    // The same file again: every row a duplicate of a stored record.
    expect((await validated(file)).duplicateRows).toBe(rows);
  });

  it('stopped half-way says what it wrote, and the file runs again to the same end', async (ctx) => {
    if (t.engine !== 'sqlite') ctx.skip(); // The failure is planted with a SQLite trigger.
    const rows = COMMIT_BATCH + 300;
    const file = await workbookOf(Array.from({ length: rows }, (_, i) => goodRow(860_000 + i)));
    const { id } = await validated(file);
    const before = await count('volunteers');
    // The second batch fails on its 100th row, after the first batch was committed (new
    // records are written in the order of their names' first two characters, then rows).
    const key = (name = '') => name.charCodeAt(0) * 65_536 + (name.charCodeAt(1) || 0);
    const inWriteOrder = Array.from({ length: rows }, (_, i) => ({ i, row: goodRow(860_000 + i) })).sort(
      (a, b) => key(a.row.name) - key(b.row.name) || a.i - b.i,
    );
    const failing = inWriteOrder[COMMIT_BATCH + 100]?.row.phone;
    await sql
      .raw(
        `create trigger import_fails before insert on volunteers when new.phone = '${failing}' ` +
          `begin select raise(abort, 'planted failure'); end`,
      )
      .execute(t.db);
    try {
      const res = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' });
      expect(res.statusCode).toBe(500);
    } finally {
      await sql.raw('drop trigger import_fails').execute(t.db);
    }
    expect((await admin.get(`/api/registry/imports/${id}`)).json()).toMatchObject({
      status: 'failed',
      committedRows: COMMIT_BATCH,
    });
    expect(await count('volunteers')).toBe(before + COMMIT_BATCH);
    expect((await commitAudits(id)).map((a) => a.committed)).toEqual([COMMIT_BATCH]);

    const again = await validated(file);
    expect(again.duplicateRows).toBe(COMMIT_BATCH);
    const res = await admin.post(`/api/registry/imports/${again.id}/commit`, { mode: 'valid' });
    expect(res.json()).toMatchObject({ status: 'committed', committedRows: rows - COMMIT_BATCH });
    expect(await count('volunteers')).toBe(before + rows);
  });
});
