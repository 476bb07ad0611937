import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contract/statistics.ts';
import { historyColumns } from '../../../domain/delivery/history-rows.ts';
import { studioColumns } from '../../../domain/studios/import-rows.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Status = {
  status: string;
  totalRows: number;
  errorRows: number;
  duplicateRows: number;
  committedRows: number;
  problems: Array<{ row: number; column: string; problem: string; message: string; other: number | null }>;
};

let t: TestApp;
let admin: Client;
let xicheng: Client;

async function workbook(columns: ReadonlyArray<{ key: string; header: string }>, rows: Array<Record<string, string>>) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('导入');
  sheet.addRow(columns.map((c) => c.header));
  for (const r of rows) sheet.addRow(columns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function dryRun(client: Client, kind: string, file: Buffer): Promise<{ id: number; s: Status }> {
  const res = await client.request({
    method: 'POST',
    url: `/api/network-imports/${kind}?filename=book.xlsx`,
    payload: file,
    headers: { 'content-type': XLSX },
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as number;
  for (let i = 0; i < 600; i++) {
    const res2 = await client.get(`/api/network-imports/${kind}/${id}`);
    const s = res2.json() as Status;
    if (!s.status) throw new Error(res2.body);
    if (s.status !== 'validating') return { id, s };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
const problemsOf = (s: Status) => s.problems.map((p) => [p.row, p.column, p.problem]);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  xicheng = await t.login('xicheng');
});
afterAll(() => t.close());

const good = (n: number, extra: Record<string, string> = {}) => ({
  servedOn: `2026-10-${String(n).padStart(2, '0')}`,
  studio: '婉珍文艺专业服务室',
  member: '张婉珍',
  category: '文化宣传',
  mode: '集体活动',
  personTimes: String(10 + n),
  groups: '青少年、老年人',
  content: `书法绘画培训第${n}期`,
  followUp: n === 1 ? '学员作品参加社区展览' : '',
  ...extra,
});

describe('importing a paper record book (服务记录本) as history', () => {
  it('reports the planted bad rows exactly, writes the good ones marked as imported, and the dashboard shows them', async () => {
    const xixing = await t.unitId('350802003004');
    const before = (
      (await admin.get(`/api/statistics/dashboard?from=2026-10-01&to=2026-11-01&under=${xixing}`)).json() as Dashboard
    ).charts[0]!.items.find((f) => f.key === 'personTimes')!.current;
    const rows = [
      good(1), // row 2
      good(2), // row 3
      good(3, { servedOn: '2026-13-01' }), // row 4: no such date
      good(4, { studio: '没有这个工作室' }), // row 5
      good(5, { mode: '飞鸽传书' }), // row 6
      good(6, { personTimes: '0' }), // row 7
      good(7, { groups: '外星人' }), // row 8
      good(8, { member: '王五' }), // row 9: not a member
      good(1), // row 10: the same service as row 2
      good(9, { content: '' }), // row 11
      good(10, { servedOn: '2027-01-05' }), // row 12: after today
    ];
    const { id, s } = await dryRun(admin, 'service-records', await workbook(historyColumns, rows));
    expect(s.status).toBe('validated');
    expect(s.totalRows).toBe(11);
    expect(problemsOf(s)).toEqual([
      [4, 'servedOn', 'invalidDate'],
      [5, 'studio', 'unknownStudio'],
      [6, 'mode', 'invalidMode'],
      [7, 'personTimes', 'invalidPersonTimes'],
      [8, 'groups', 'unknownGroup'],
      [9, 'member', 'notAMember'],
      [10, 'content', 'duplicateInFile'],
      [11, 'content', 'required'],
      [12, 'servedOn', 'futureDate'],
    ]);
    expect(s.problems.find((p) => p.row === 10)!.other).toBe(2);
    expect(s.errorRows).toBe(8);
    expect(s.duplicateRows).toBe(1);

    expect((await admin.post(`/api/network-imports/service-records/${id}/commit`, { mode: 'all' })).statusCode).toBe(
      409,
    );
    const done = await admin.post(`/api/network-imports/service-records/${id}/commit`, { mode: 'valid' });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Status).committedRows).toBe(2);
    const written = await t.db
      .selectFrom('service_records')
      .select(['person_times', 'import_id', 'served_at', 'groups_json'])
      .where('import_id', '=', id)
      .orderBy('served_at')
      .execute();
    expect(written).toEqual([
      { person_times: 11, import_id: id, served_at: '2026-10-01T04:00:00.000Z', groups_json: '["youth","elderly"]' },
      { person_times: 12, import_id: id, served_at: '2026-10-02T04:00:00.000Z', groups_json: '["youth","elderly"]' },
    ]);
    // The record book marks them as imported; a record written in Huimin is not.
    const book = (
      (await admin.get(`/api/records?under=${xixing}&from=2026-10-01&to=2026-10-02`)).json() as {
        items: Array<{ servedAt: string; imported: boolean; personTimes: number }>;
      }
    ).items;
    expect(book.filter((r) => r.imported).map((r) => r.personTimes)).toEqual([12, 11]);
    expect(book.filter((r) => !r.imported).every((r) => !written.some((w) => w.served_at === r.servedAt))).toBe(true);
    // Exact figures in, exact figures out: the rollups count them at once.
    const after = (
      (await admin.get(`/api/statistics/dashboard?from=2026-10-01&to=2026-11-01&under=${xixing}`)).json() as Dashboard
    ).charts[0]!.items.find((f) => f.key === 'personTimes')!.current;
    expect(after - before).toBe(23);

    // The same book again: every good row is found in the record book.
    const again = await dryRun(admin, 'service-records', await workbook(historyColumns, [good(1), good(2)]));
    expect(problemsOf(again.s)).toEqual([
      [2, 'content', 'duplicateRecord'],
      [3, 'content', 'duplicateRecord'],
    ]);
  });

  it('refuses a street a studio of another street, a community admin the import, and another kind’s id', async () => {
    const other = await dryRun(
      xicheng,
      'service-records',
      await workbook(historyColumns, [good(1, { studio: '来发医疗卫生专业服务室', member: '' })]),
    );
    expect(problemsOf(other.s)).toEqual([[2, 'studio', 'unitOutOfScope']]);
    expect((await xicheng.get(`/api/network-imports/studios/${other.id}`)).statusCode).toBe(404);
    const xixing = await t.login('xixing');
    expect((await xixing.get('/api/network-imports/service-records/template.xlsx')).statusCode).toBe(403);
  });

  it('gives a template with the columns the import reads', async () => {
    const res = await admin.get('/api/network-imports/service-records/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(historyColumns.map((c) => c.header));
  });
});

describe('importing the studios as they stand', () => {
  const studio = (n: number, extra: Record<string, string> = {}) => ({
    name: `导入测试工作室${n}`,
    unit: '西兴社区',
    venueType: '住宅小区',
    venueAddress: `西兴社区${n}号楼`,
    categories: '文化宣传、教育辅导',
    leaderPhone: '13905970101',
    memberPhones: '',
    status: '已授牌',
    contractOn: '2010-06-01',
    contractEnd: '2013-05-31',
    contractNumber: `XL-IMP-${n}`,
    plaqueOn: '2010-07-01',
    plaqueNumber: `XLP-IMP-${n}`,
    commitments: '每周六上午开放；免费辅导书法',
    ...extra,
  });

  it('reports bad rows exactly, writes the good studios at their status, and finds them on re-import', async () => {
    const rows = [
      studio(1), // row 2
      studio(2, { status: '已签约待授牌', plaqueOn: '', plaqueNumber: '' }), // row 3
      studio(3, { leaderPhone: '13900000000' }), // row 4: not in the registry
      studio(4, { status: '筹备中' }), // row 5
      studio(5, { plaqueNumber: '' }), // row 6: plaqued without a number
      studio(6, { name: '婉珍文艺专业服务室' }), // row 7: already in 西兴社区
      studio(7, { contractNumber: 'XL-IMP-1' }), // row 8: row 2's number
      studio(8, { venueType: '菜市场' }), // row 9
    ];
    const { id, s } = await dryRun(admin, 'studios', await workbook(studioColumns, rows));
    expect(problemsOf(s)).toEqual([
      [4, 'leaderPhone', 'unknownPerson'],
      [5, 'status', 'invalidStatus'],
      [6, 'plaqueNumber', 'missingPlaque'],
      [7, 'name', 'duplicateStudio'],
      [8, 'contractNumber', 'numberTaken'],
      [9, 'venueType', 'invalidVenueType'],
    ]);
    const done = await admin.post(`/api/network-imports/studios/${id}/commit`, { mode: 'valid' });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Status).committedRows).toBe(2);
    const written = await t.db
      .selectFrom('studios')
      .select(['name', 'status', 'plaque_number', 'venue_type', 'term_end'])
      .where('name', 'in', ['导入测试工作室1', '导入测试工作室2'])
      .orderBy('name')
      .execute();
    expect(written).toEqual([
      {
        name: '导入测试工作室1',
        status: 'active',
        plaque_number: 'XLP-IMP-1',
        venue_type: 'residential',
        term_end: '2013-05-31',
      },
      {
        name: '导入测试工作室2',
        status: 'contracted',
        plaque_number: null,
        venue_type: 'residential',
        term_end: '2013-05-31',
      },
    ]);
    const again = await dryRun(admin, 'studios', await workbook(studioColumns, [studio(1)]));
    expect(problemsOf(again.s)).toEqual([[2, 'name', 'duplicateStudio']]);
  });
});
