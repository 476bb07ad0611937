import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { goodRow, settledImport, uploadRegistryWorkbook, workbookOf } from '../../../../test/registry-workbook.ts';
import { bumpVersion } from '../../versioned-cache.ts';
import { CATEGORIES_VERSION } from '../categories/categories.repository.ts';
import { ORG_VERSION } from '../org-units/org-tree.repository.ts';

/**
 * A commit uses its dry run's result while nothing the check read has changed (kept-checks.ts),
 * and checks the file again when something has. Which of the two ran is seen from outside by
 * spoiling the stored workbook after the dry run: a commit that reads it again fails.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('xixing');
});
afterAll(() => t.close());

async function validated(file: Buffer): Promise<number> {
  const id = await uploadRegistryWorkbook(admin, file, 'kept.xlsx');
  expect((await settledImport(admin, id)).status).toBe('validated');
  return id;
}

/** Replaces the stored workbook of import `id` with bytes no check can read. */
async function spoilWorkbook(id: number) {
  const row = await t.db.selectFrom('imports').select('attachment_id').where('id', '=', id).executeTakeFirstOrThrow();
  await t.db
    .updateTable('attachments')
    .set({ content: Buffer.from('not a workbook') })
    .where('id', '=', row.attachment_id)
    .execute();
}

const rowsFrom = (first: number, n: number) => Array.from({ length: n }, (_, i) => goodRow(first + i));

describe('a commit after its dry run', () => {
  it('uses the dry run when nothing it read has changed: the file is not read again', async () => {
    const id = await validated(await workbookOf(rowsFrom(870_000, 5)));
    await spoilWorkbook(id);
    const res = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'all' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', committedRows: 5 });
  });

  it.each([
    ['units', ORG_VERSION],
    ['categories', CATEGORIES_VERSION],
  ])('checks the file again when the %s changed since', async (_what, version) => {
    const id = await validated(await workbookOf(rowsFrom(871_000 + version.length * 10, 3)));
    await spoilWorkbook(id);
    await bumpVersion(t.db, version, new Date().toISOString());
    const res = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'all' });
    expect(res.json().code).toBe('INVALID_WORKBOOK');
    // Nothing was written: the import can be committed again.
    expect((await admin.get(`/api/registry/imports/${id}`)).json()).toMatchObject({ status: 'validated' });
  });

  it('checks the file again when a record was added since (it may repeat a row)', async () => {
    const rows = rowsFrom(872_000, 4);
    const id = await validated(await workbookOf(rows));
    await spoilWorkbook(id);
    const unit = await t.db
      .selectFrom('org_units')
      .select('id')
      .where((eb) => eb.or([eb('name', '=', '西兴社区'), eb('short_name', '=', '西兴社区')]))
      .executeTakeFirstOrThrow();
    const added = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '后来者',
      phone: rows[2]?.phone,
      unitId: unit.id,
    });
    expect(added.statusCode, added.body).toBe(201);
    const res = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' });
    expect(res.json().code).toBe('INVALID_WORKBOOK');
  });

  it('checks the file again for another importer', async () => {
    const id = await validated(await workbookOf(rowsFrom(873_000, 2)));
    await spoilWorkbook(id);
    const other = await t.login('admin');
    const res = await other.post(`/api/registry/imports/${id}/commit`, { mode: 'all' });
    expect(res.json().code).toBe('INVALID_WORKBOOK');
  });
});
