import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { goodRow, settledImport, uploadRegistryWorkbook, workbookOf } from '../../../../test/registry-workbook.ts';
import { templateColumns } from '../../../domain/registry/import-rows.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('xixing');
});
afterAll(() => t.close());

const dryRun = async (file: Buffer) =>
  settledImport(admin, await uploadRegistryWorkbook(admin, file, 'roundtrip.xlsx'));

/** Exports 张婉珍's record (masked or not), changes one cell by its header, and gives the file back. */
async function exportedAndEdited(unmasked: boolean, header: string, value: string): Promise<Buffer> {
  const res = await admin.request({
    method: 'GET',
    url: `/api/registry/export.xlsx?q=${encodeURIComponent('张婉珍')}${unmasked ? '&unmasked=1' : ''}`,
  });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers).toEqual(templateColumns.map((c) => c.header));
  sheet.getRow(2).getCell(headers.indexOf(header) + 1).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const record = () =>
  t.db
    .selectFrom('volunteers')
    .select(['id', 'phone', 'profession', 'availability', 'id_number_hash'])
    .where('name', '=', '张婉珍')
    .executeTakeFirstOrThrow();

describe('the registry export is the import template', () => {
  it('an exported file with one cell changed updates exactly that cell, with no duplicate', async () => {
    const before = await record();
    const s = await dryRun(await exportedAndEdited(true, '职业或专业', '书法教师'));
    expect(s).toMatchObject({ status: 'validated', totalRows: 1, errorRows: 0, duplicateRows: 0, problems: [] });
    expect(s.updates).toEqual([{ row: 2, recordId: before.id, name: '张婉珍', columns: ['职业或专业'] }]);
    const committed = await admin.post(`/api/registry/imports/${s.id}/commit`, { mode: 'all' });
    expect(committed.json()).toMatchObject({ status: 'committed', committedRows: 1 });
    const after = await record();
    expect(after).toEqual({ ...before, profession: '书法教师' });
  });

  it('a masked export re-imported keeps the real phone, says so on the row, and updates only the changed cell', async () => {
    const before = await record();
    const s = await dryRun(await exportedAndEdited(false, '可服务时间', '每周日下午'));
    expect(s).toMatchObject({ errorRows: 0, duplicateRows: 0, problems: [] });
    expect(s.updates.map((u) => u.columns)).toEqual([['可服务时间']]);
    expect(s.notices).toEqual([
      { row: 2, columnHeader: '手机号码', message: '导出时已脱敏，未导入，保留登记册中的原号码' },
    ]);
    await admin.post(`/api/registry/imports/${s.id}/commit`, { mode: 'all' });
    const after = await record();
    expect(after).toEqual({ ...before, availability: '每周日下午' });
    expect(after.phone).toBe('13905970101');
  });

  it('refuses a masked phone on a new row, or one that is not the record’s own', async () => {
    const s = await dryRun(await workbookOf([{ ...goodRow(70_001), phone: '139****0101' }]));
    expect(s.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'phone', problem: 'maskedValue', value: '139****0101' }),
    ]);
    const other = await dryRun(await exportedAndEdited(false, '手机号码*', '138****0000'));
    expect(other.problems.map((p) => p.problem)).toEqual(['maskedValue']);
    expect(other.updates).toEqual([]);
  });

  it('refuses a record number of another street or one that does not exist', async () => {
    const elsewhere = await t.db
      .selectFrom('volunteers')
      .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
      .select('volunteers.id')
      .where('org_units.code', 'not like', '350802003%')
      .executeTakeFirstOrThrow();
    for (const recordId of [String(elsewhere.id), '99999999', 'abc']) {
      const s = await dryRun(await workbookOf([{ ...goodRow(70_002), recordId }]));
      expect(s.problems).toEqual([
        expect.objectContaining({ column: 'recordId', problem: 'unknownRecord', value: recordId }),
      ]);
    }
  });
});

describe('row messages', () => {
  it('quote the bad value, masking a phone or an ID number', async () => {
    const s = await dryRun(
      await workbookOf([
        { ...goodRow(71_001), kind: '群众' },
        { ...goodRow(71_002), idNumber: '350802195001011234' },
        { ...goodRow(71_003), phone: '1390597010' },
      ]),
    );
    expect(s.problems.map((p) => p.message)).toEqual([
      '类型须为：党员、专业技术人才、驻区单位、民间组织：“群众”',
      '身份证号无效（位数、出生日期或校验位错误）：“350802********1234”',
      '手机号码须为 11 位：“139****”',
    ]);
    expect(JSON.stringify(s)).not.toContain('350802195001011234');
    expect(JSON.stringify(s)).not.toContain('1390597010');
  });

  it('name the person a duplicate repeats by masked name and unit, not by an internal id', async () => {
    const { id } = await record();
    const s = await dryRun(await workbookOf([{ ...goodRow(72_001), phone: '13905970101' }]));
    expect(s.duplicateRows).toBe(1);
    const [dup] = s.problems;
    expect(dup?.message).toBe('登记册中已有此人：张**（西兴社区居委会）');
    expect(dup?.message).not.toContain('张婉珍');
    expect(dup?.message).not.toContain(String(id));
  });
});
