import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { goodRow, workbookOf } from '../../../../test/registry-workbook.ts';
import { purgeImportFiles } from './registry-import.job.ts';
import type { RawRow } from '../../../domain/registry/import-rows.ts';
import type { Volunteer } from '../../../contract/registry.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('xixing');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Status = {
  status: string;
  totalRows: number;
  processedRows: number;
  errorRows: number;
  duplicateRows: number;
  committedRows: number;
  problems: Array<{ row: number; column: string; problem: string; message: string; columnHeader: string }>;
};

async function upload(client: Client, file: Buffer, headers: Record<string, string> = {}): Promise<number> {
  const res = await client.request({
    method: 'POST',
    url: '/api/registry/imports?filename=test.xlsx',
    payload: file,
    headers: { 'content-type': XLSX, ...headers },
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as number;
}

async function settled(client: Client, id: number, headers: Record<string, string> = {}): Promise<Status> {
  for (let i = 0; i < 600; i++) {
    const s = (await client.request({ method: 'GET', url: `/api/registry/imports/${id}`, headers })).json() as Status;
    if (s.status !== 'validating') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const volunteerCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('volunteers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Excel import of the registry', () => {
  // 20 bad rows planted at known places, each with a different kind of mistake.
  const planted = new Map<number, { change: RawRow; column: string }>([
    [5, { change: { phone: '1390597' }, column: 'phone' }],
    [77, { change: { kind: '群众' }, column: 'kind' }],
    [150, { change: { name: '' }, column: 'name' }],
    [400, { change: { idNumber: '350802195001011234' }, column: 'idNumber' }],
    [640, { change: { unit: '青草盂社区' }, column: 'unit' }],
    [999, { change: { unit: '不存在社区' }, column: 'unit' }],
    [1200, { change: { gender: '未知' }, column: 'gender' }],
    [1500, { change: { birthYear: '1850' }, column: 'birthYear' }],
    [1777, { change: { categories: '舞蹈' }, column: 'categories' }],
    [2000, { change: { phone: '' }, column: 'phone' }],
    [2345, { change: { phone: '23905970101' }, column: 'phone' }],
    [2600, { change: { kind: '' }, column: 'kind' }],
    [2900, { change: { notes: '长'.repeat(501) }, column: 'notes' }],
    [3100, { change: { idNumber: '3508021950010' }, column: 'idNumber' }],
    [3333, { change: { unit: '' }, column: 'unit' }],
    [3600, { change: { birthYear: '1977' }, column: 'birthYear' }],
    [3900, { change: { kind: 'volunteer' }, column: 'kind' }],
    [4200, { change: { gender: 'M' }, column: 'gender' }],
    [4500, { change: { categories: '文化宣传、魔术' }, column: 'categories' }],
    [4999, { change: { phone: '139059701011' }, column: 'phone' }],
  ]);
  const rows = Array.from({ length: 5000 }, (_, i) => ({ ...goodRow(i), ...(planted.get(i)?.change ?? {}) }));
  let file: Buffer;
  beforeAll(async () => {
    file = await workbookOf(rows);
  });

  it('reports exactly the 20 planted bad rows of 5,000, by row and column, and writes nothing on the dry run', async () => {
    const before = await volunteerCount();
    const id = await upload(admin, file);
    const s = await settled(admin, id);
    expect(s).toMatchObject({
      status: 'validated',
      totalRows: 5000,
      processedRows: 5000,
      errorRows: 20,
      duplicateRows: 0,
    });
    // Sheet row = data index + 2 (row 1 holds the headers).
    const reported = [...new Set(s.problems.map((p) => p.row))].sort((a, b) => a - b);
    expect(reported).toEqual([...planted.keys()].map((i) => i + 2));
    for (const [i, { column }] of planted)
      expect(s.problems.find((p) => p.row === i + 2)?.column, `row ${i + 2}`).toBe(column);
    expect(s.problems.find((p) => p.row === 7)).toMatchObject({
      columnHeader: '手机号码',
      message: '手机号码须为 11 位：“139****”',
    });
    expect(await volunteerCount()).toBe(before);
  });

  it('refuses to import all when rows are bad, imports only the good ones when asked, and then reports duplicates on a re-import', async () => {
    const before = await volunteerCount();
    const id = await upload(admin, file);
    await settled(admin, id);
    const all = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'all' });
    expect(all.statusCode).toBe(409);
    expect(all.json().code).toBe('IMPORT_HAS_ERRORS');
    const valid = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' });
    expect(valid.json()).toMatchObject({ status: 'committed', committedRows: 4980 });
    expect(await volunteerCount()).toBe(before + 4980);
    expect((await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' })).json().code).toBe(
      'IMPORT_NOT_READY',
    );

    // The report speaks the reader's language (the account's setting).
    await admin.put('/api/auth/me/settings', { locale: 'en' });
    const again = await settled(admin, await upload(admin, file));
    await admin.put('/api/auth/me/settings', { locale: 'zh-CN' });
    expect(again).toMatchObject({ errorRows: 20, duplicateRows: 4980 });
    expect(again.problems.find((p) => p.problem === 'duplicateExisting')?.message).toMatch(/^Already in the registry/);
  });

  it('reports duplicates inside one file against the first occurrence', async () => {
    const dupes = await workbookOf([
      goodRow(90_001),
      goodRow(90_002),
      { ...goodRow(90_003), phone: goodRow(90_001).phone },
    ]);
    const s = await settled(admin, await upload(admin, dupes));
    expect(s.problems).toEqual([
      expect.objectContaining({ row: 4, column: 'phone', problem: 'duplicateInFile', message: '与本表第 2 行重复' }),
    ]);
  });

  it('answers a file that is not a workbook with a clear failure', async () => {
    const s = await settled(admin, await upload(admin, Buffer.from('not a spreadsheet')));
    expect(s.status).toBe('failed');
  });

  it('refuses an import by a member (403)', async () => {
    const member = await t.login('zhangwanzhen');
    const res = await member.request({
      method: 'POST',
      url: '/api/registry/imports',
      payload: Buffer.from('x'),
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode).toBe(403);
  });

  it('serves the template with Chinese headers', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/registry/template.xlsx' });
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = (wb.worksheets[0]?.getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(0, 6)).toEqual([
      '记录编号（新增留空）',
      '类型*',
      '姓名或名称*',
      '性别',
      '出生年份',
      '手机号码*',
    ]);
  });
});

describe('registry search and records', () => {
  it('finds 张婉珍 by name, full pinyin and initials, with phone and ID number masked', async () => {
    for (const q of ['张婉珍', 'zhangwanzhen', 'zwz']) {
      const page = (await admin.get(`/api/volunteers?q=${encodeURIComponent(q)}`)).json() as { items: Volunteer[] };
      const found = page.items.find((v) => v.name === '张婉珍');
      expect(found, q).toBeDefined();
      expect(found?.phone).toBe('139****0101');
    }
  });

  it('filters by skill category and by a profession word', async () => {
    const culture = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'culture').executeTakeFirstOrThrow()
    ).id;
    const page = (await admin.get(`/api/volunteers?categoryId=${culture}&limit=500`)).json() as {
      items: Volunteer[];
      total: number;
    };
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((v) => v.categoryIds.includes(culture))).toBe(true);
    const teachers = (await admin.get(`/api/volunteers?q=${encodeURIComponent('书法')}`)).json() as {
      items: Volunteer[];
    };
    expect(teachers.items.map((v) => v.name)).toContain('张婉珍');
  });

  it('adds a record, refuses a second one with the same phone, and records screening with reviewer and reason', async () => {
    const unitId = await t.unitId('350802003004');
    const created = await admin.post('/api/volunteers', {
      kind: 'talent',
      name: '林医生',
      phone: '13600000001',
      unitId,
      profession: '全科医生',
    });
    expect(created.statusCode).toBe(201);
    const v = created.json() as Volunteer;
    expect(v).toMatchObject({ screeningStatus: 'candidate', phone: '136****0001' });
    expect(
      (await admin.post('/api/volunteers', { kind: 'talent', name: '另一人', phone: '13600000001', unitId })).json()
        .code,
    ).toBe('DUPLICATE_VOLUNTEER');
    const screened = await admin.post(`/api/volunteers/${v.id}/screening`, {
      status: 'selected',
      reason: '专业对口，热心公益',
    });
    expect(screened.json()).toMatchObject({ screeningStatus: 'selected', screeningReason: '专业对口，热心公益' });
    expect((await admin.post(`/api/volunteers/${v.id}/screening`, { status: 'declined' })).statusCode).toBe(400);
  });
});

describe('what a viewer may do with a record', () => {
  it('tells an admin it may edit, screen and read the contact data; a member reads no registry at all', async () => {
    const q = `/api/volunteers?q=${encodeURIComponent('张婉珍')}`;
    const own = ((await admin.get(q)).json() as { items: Volunteer[] }).items.find((v) => v.name === '张婉珍');
    expect(own?.allowedActions).toEqual(['update', 'screen', 'readPersonal']);
    const member = await t.login('zhangwanzhen');
    const list = await member.get(q);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    expect((await member.get(`/api/volunteers/${own?.id}`)).statusCode).toBe(403);
  });
});

describe('registry search terms', () => {
  const idsFor = async (q: string) =>
    (
      (await admin.get(`/api/volunteers?q=${encodeURIComponent(q)}&limit=100`)).json() as { items: Volunteer[] }
    ).items.map((v) => v.id);

  it('finds the newest record (imported or seeded) by its name and its initials', async () => {
    const last = await t.db
      .selectFrom('volunteers')
      .select(['id', 'name', 'initials'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(await idsFor(last.name)).toContain(last.id);
    expect(await idsFor(last.initials)).toContain(last.id);
  });

  it('follows an edit: the new name, pinyin and initials find the record, the old ones no longer do; longer queries stay substring matches', async () => {
    const unitId = await t.unitId('350802003004');
    const input = { kind: 'talent', name: '欧阳明远', phone: '13600000077', unitId, profession: '中医推拿师' };
    const v = (await admin.post('/api/volunteers', input)).json() as Volunteer;
    for (const q of ['欧阳明远', '明远', 'ouyangmingyuan', 'ouyang', 'oymy', '推拿', '中医推拿'])
      expect(await idsFor(q), q).toContain(v.id);
    for (const q of ['中医按摩', '明远欧', 'oyx']) expect(await idsFor(q), q).not.toContain(v.id);
    // With another filter the records are read and checked: the same answer.
    const talents = (await admin.get(`/api/volunteers?q=${encodeURIComponent('明远')}&kind=talent`)).json() as {
      items: Volunteer[];
      total: number;
    };
    expect(talents.items.map((x) => x.id)).toEqual([v.id]);
    // The district admin (the top of the tree: terms are joined to their unit's path) finds it too.
    const district = await t.login('admin');
    for (const q of ['明远', 'oymy', '欧阳明远']) {
      const page = (await district.get(`/api/volunteers?q=${encodeURIComponent(q)}`)).json() as { items: Volunteer[] };
      expect(
        page.items.map((x) => x.id),
        q,
      ).toContain(v.id);
    }
    // Another street's admin does not find it, by name or by initials.
    const other = await t.login('zhongcheng');
    for (const q of ['明远', 'oymy', '欧阳明远'])
      expect(
        ((await other.get(`/api/volunteers?q=${encodeURIComponent(q)}`)).json() as { total: number }).total,
        q,
      ).toBe(0);

    const edited = await admin.put(`/api/volunteers/${v.id}`, { ...input, name: '欧阳清风', profession: '康复治疗师' });
    expect(edited.statusCode, edited.body).toBe(200);
    for (const q of ['清风', 'ouyangqingfeng', 'oyqf', '康复']) expect(await idsFor(q), q).toContain(v.id);
    for (const q of ['明远', 'oymy', 'ouyangming', '推拿']) expect(await idsFor(q), q).not.toContain(v.id);
    // One set of terms per record: the old ones are gone, none is kept twice.
    const terms = await t.db.selectFrom('volunteer_terms').select('term').where('volunteer_id', '=', v.id).execute();
    expect(terms.map((r) => r.term)).not.toContain('g:明远');
    expect(new Set(terms.map((r) => r.term)).size).toBe(terms.length);
  });
});

describe('GET /api/registry/export.xlsx', () => {
  async function sheetOf(body: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    return wb.worksheets[0];
  }

  it('exports the filtered list with phones masked, and logs the export', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/registry/export.xlsx?q=${encodeURIComponent('张婉珍')}`,
    });
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet?.getRow(2).getCell(3).value).toBe('张婉珍');
    expect(sheet?.getRow(2).getCell(6).value).toBe('139****0101');
    const log = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity', '=', 'volunteer')
      .where('action', 'like', 'export%')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(log.action).toBe('export');
    expect(JSON.parse(log.after_json ?? '{}').rows).toBe(1);
  });

  it('exports unmasked phones only to a role that may read them, and logs that it did', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/registry/export.xlsx?q=${encodeURIComponent('张婉珍')}&unmasked=1`,
    });
    expect((await sheetOf(res.rawPayload))?.getRow(2).getCell(6).value).toBe('13905970101');
    expect(
      (await t.db.selectFrom('audit_log').select('action').orderBy('id', 'desc').executeTakeFirstOrThrow()).action,
    ).toBe('export.unmasked');
    expect(
      (await (await t.login('zhangwanzhen')).request({ method: 'GET', url: '/api/registry/export.xlsx' })).statusCode,
    ).toBe(403);
  });
});

describe('uploaded workbooks are not kept with full ID numbers and phones', () => {
  const storedSize = async (importId: number) => {
    const row = await t.db
      .selectFrom('imports')
      .innerJoin('attachments', 'attachments.id', 'imports.attachment_id')
      .select(['attachments.size', 'attachments.content', 'imports.status'])
      .where('imports.id', '=', importId)
      .executeTakeFirstOrThrow();
    return { size: row.size, bytes: row.content.length, status: row.status };
  };

  it('empties the file when the import is committed, or when its dry run fails', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => goodRow(90_000 + i));
    const id = await upload(admin, await workbookOf(rows));
    expect((await settled(admin, id)).status).toBe('validated');
    expect((await storedSize(id)).bytes).toBeGreaterThan(0);
    expect((await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' })).statusCode).toBe(200);
    expect(await storedSize(id)).toMatchObject({ size: 0, bytes: 0, status: 'committed' });

    const broken = await upload(admin, Buffer.from('PK\u0003\u0004 not really a workbook'));
    expect((await settled(admin, broken)).status).toBe('failed');
    expect(await storedSize(broken)).toMatchObject({ size: 0, bytes: 0 });
  });

  it('empties a validated file abandoned for longer than the retention, and marks the import failed', async () => {
    const rows = Array.from({ length: 2 }, (_, i) => goodRow(91_000 + i));
    const id = await upload(admin, await workbookOf(rows));
    expect((await settled(admin, id)).status).toBe('validated');
    const now = new Date();
    expect(await purgeImportFiles(t.db, now, 24)).toBe(0);
    expect((await storedSize(id)).bytes).toBeGreaterThan(0);
    expect(await purgeImportFiles(t.db, new Date(now.getTime() + 25 * 3_600_000), 24)).toBeGreaterThan(0);
    expect(await storedSize(id)).toMatchObject({ size: 0, bytes: 0, status: 'failed' });
  });
});
