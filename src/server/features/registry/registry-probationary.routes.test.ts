import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import type { Volunteer } from '../../../contract/registry.ts';

// 预备党员 in the registry: set on a party member's record, refused on anyone else's, and carried
// by the export's last column (是/否), so the year-end sheet lists them without a grade.

let t: TestApp;
let community: Client;
let unitId: number;

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('xixing');
  unitId = (
    await t.db.selectFrom('org_units').select('id').where('code', '=', '350802003004').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe('probationary party members', () => {
  let id = 0;

  it('records a party member as probationary, and reads it back', async () => {
    const res = await community.post('/api/volunteers', {
      kind: 'party_member',
      name: '林预备',
      phone: '13600000771',
      unitId,
      probationary: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as Volunteer;
    id = v.id;
    expect(v.probationary).toBe(true);
    const row = await t.db
      .selectFrom('volunteers')
      .select('probationary')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.probationary).toBe(1);
  });

  it('refuses probation for anyone but a party member, naming the field', async () => {
    const res = await community.post('/api/volunteers', {
      kind: 'talent',
      name: '林人才',
      phone: '13600000772',
      unitId,
      probationary: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'body.probationary' }] });
  });

  it('ends the probation on an edit that says so', async () => {
    const res = await community.put(`/api/volunteers/${id}`, {
      kind: 'party_member',
      name: '林预备',
      phone: '13600000771',
      unitId,
      probationary: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Volunteer).probationary).toBe(false);
  });

  it('exports 预备党员 as the last column, 是/否 for party members', async () => {
    await t.db.updateTable('volunteers').set({ probationary: 1 }).where('id', '=', id).execute();
    const res = await community.get(`/api/registry/export.xlsx?q=${encodeURIComponent('林预备')}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = sheet?.getRow(1);
    const last = header?.cellCount ?? 0;
    expect(String(header?.getCell(last).value)).toBe('预备党员（是/否）');
    expect(sheet?.getRow(2).getCell(last).value).toBe('是');
  });
});
