import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { goodRow, settledImport, uploadRegistryWorkbook, workbookOf } from '../../../../test/registry-workbook.ts';
import { recoverInterruptedImports } from './registry-import.job.ts';
import { STALE_IMPORT_MS } from './registry-import.service.ts';

/**
 * A process killed during an import's dry run or commit used to leave it validating or
 * committing for ever, every retry answering 409 IMPORT_NOT_READY. Once its heartbeat has
 * stopped it is marked failed, nothing of it is in the registry, and the file runs again.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('xixing');
});
afterAll(() => t.close());

const upload = (file: Buffer) => uploadRegistryWorkbook(admin, file, 'crash.xlsx');
const settled = (id: number) => settledImport(admin, id);

const volunteers = async () =>
  Number(
    (
      await t.db
        .selectFrom('volunteers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('imports interrupted by a crash', () => {
  it('are marked failed once silent, leave nothing written, and the same file runs again to the end', async () => {
    const file = await workbookOf(Array.from({ length: 20 }, (_, i) => goodRow(820_000 + i)));
    const before = await volunteers();
    // What a kill -9 leaves: one import stopped mid-commit, one mid-dry-run, both a minute silent.
    const midCommit = await upload(file);
    expect((await settled(midCommit)).status).toBe('validated');
    const midCheck = await upload(file);
    await settled(midCheck);
    const silentSince = '2026-11-25T07:59:00.000Z';
    await t.db
      .updateTable('imports')
      .set({ status: 'committing', updated_at: silentSince })
      .where('id', '=', midCommit)
      .execute();
    await t.db
      .updateTable('imports')
      .set({ status: 'validating', updated_at: silentSince })
      .where('id', '=', midCheck)
      .execute();
    expect((await admin.post(`/api/registry/imports/${midCommit}/commit`, { mode: 'all' })).json().code).toBe(
      'IMPORT_NOT_READY',
    );

    // Not yet: a heartbeat a moment ago means a live process may still be working on it.
    const justAfter = new Date(Date.parse(silentSince) + STALE_IMPORT_MS - 1_000);
    expect(await recoverInterruptedImports(t.db, justAfter)).toEqual({ failed: 0 });
    expect(await recoverInterruptedImports(t.db, new Date('2026-11-25T08:00:00.000Z'))).toEqual({ failed: 2 });
    for (const id of [midCommit, midCheck])
      expect((await admin.get(`/api/registry/imports/${id}`)).json()).toMatchObject({ status: 'failed' });
    expect(await volunteers()).toBe(before);

    // Run again: the same workbook checks clean (nothing of it was written) and commits whole.
    const again = await upload(file);
    expect(await settled(again)).toMatchObject({ status: 'validated', duplicateRows: 0 });
    const committed = await admin.post(`/api/registry/imports/${again}/commit`, { mode: 'all' });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({ status: 'committed', committedRows: 20 });
    expect(await volunteers()).toBe(before + 20);
  });

  it('leaves alone an import whose heartbeat is fresh or that is done', async () => {
    const id = await upload(await workbookOf([goodRow(830_000)]));
    expect((await settled(id)).status).toBe('validated');
    await t.db
      .updateTable('imports')
      .set({ status: 'committing', updated_at: '2026-11-25T07:59:59.000Z' })
      .where('id', '=', id)
      .execute();
    expect(await recoverInterruptedImports(t.db, new Date('2026-11-25T08:00:00.000Z'))).toEqual({ failed: 0 });
    expect((await admin.get(`/api/registry/imports/${id}`)).json().status).toBe('committing');
  });
});
