import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildNeed } from '../../test/factories/needs.ts';
import { buildRequest } from '../../test/factories/requests.ts';
import { contentDisposition } from './content-disposition.ts';
import { chinaDate } from './time.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The export's rows as objects keyed by the header row. */
async function sheetOf(res: LightMyRequestResponse): Promise<Array<Record<string, unknown>>> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [headers = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i] ?? null])));
}

/** The name the browser saves the file under (RFC 5987 filename*). */
function savedName(res: LightMyRequestResponse): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  return decodeURIComponent(match?.[1] ?? '');
}

const today = () => chinaDate(t.clock.now());

const exportsOf = {
  studios: '/api/studios/export.xlsx',
  needs: '/api/needs/export.xlsx',
  requests: '/api/requests/export.xlsx',
  records: '/api/records/export.xlsx',
  accounts: '/api/accounts/export.xlsx',
  outbox: '/api/outbox/export.xlsx',
  audit: '/api/audit-log/export.xlsx',
} as const;

/** The columns of each export that hold an enumerated value, by their English headings. */
const enumerated: Record<keyof typeof exportsOf, string[]> = {
  studios: ['Status', 'Service category'],
  needs: ['Channel', 'Urgency', 'Service category'],
  requests: ['Status', 'Service category'],
  records: ['Groups served', 'Service category', 'Mode', 'Source'],
  accounts: ['Role', 'Status'],
  outbox: ['Status'],
  audit: ['Entity', 'Action'],
};

/** Every list export as the district admin downloads it after choosing `locale` in the console. */
/** Something sent from the outbox for a unit, so the outbox export has a row with a recipient. */
async function addSentMessage(unitId: number) {
  const now = t.clock.now().toISOString();
  await t.db
    .insertInto('outbox')
    .values({
      channel: 'sms',
      template_id: 'T',
      params_json: '{}',
      recipient: '13811112222',
      signature: '惠民',
      body: '【惠民】工作室公开承诺已更新',
      unit_id: unitId,
      entity: 'test',
      entity_id: '1',
      status: 'sent',
      attempts: 1,
      next_attempt_at: now,
      last_error: null,
      provider_message_id: null,
      created_at: now,
      sent_at: now,
    })
    .execute();
}

async function sheetsIn(locale: string) {
  const district = await t.login('admin');
  // A signed-in user's language is the one chosen in the console (stored with the account).
  expect((await district.put('/api/auth/me/settings', { locale })).statusCode).toBe(200);
  // A need, a request and something in the outbox, so their enumerated columns have values to translate.
  const community = await t.unitId('350802003004');
  await buildNeed(t.db, { unitId: community });
  await buildRequest(t.db, { unitId: community });
  await addSentMessage(community);
  const sheets = {} as Record<keyof typeof exportsOf, Array<Record<string, unknown>>>;
  for (const [list, url] of Object.entries(exportsOf) as Array<[keyof typeof exportsOf, string]>)
    sheets[list] = await sheetOf(await district.get(url));
  return sheets;
}

describe('GET /api/<list>/export.xlsx', () => {
  it('exports the studios the list shows with the same filter, named after what, where and when', async () => {
    const street = await t.login('xicheng');
    const listed = (await street.get('/api/studios?status=active&limit=500')).json() as {
      items: Array<{ name: string }>;
      total: number;
    };
    expect(listed.total).toBeGreaterThan(0);
    const res = await street.get('/api/studios/export.xlsx?status=active');
    const rows = await sheetOf(res);
    expect(rows.map((r) => r['工作室'])).toEqual(listed.items.map((s) => s.name));
    expect(rows.every((r) => r['状态'] === '已授牌')).toBe(true);
    expect(res.headers['x-export-rows']).toBe(String(listed.total));
    expect(savedName(res)).toBe(`工作室-西城街道-${today()}.xlsx`);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="studios.xlsx"; filename\*=UTF-8''/);
  });

  it('audits the export with its row count and filter', async () => {
    const district = await t.login('admin');
    await (await t.login('xicheng')).get('/api/accounts/export.xlsx?role=member');
    const log = (await district.get('/api/audit-log?entity=account&action=export')).json() as {
      items: Array<{ actorName: string; after: { rows: number; filter: Record<string, unknown> } }>;
    };
    expect(log.items[0]).toMatchObject({ actorName: 'xicheng', after: { filter: { role: 'member' } } });
    expect(log.items[0]!.after.rows).toBeGreaterThan(0);
  });

  it('keeps to the list’s scope: another street’s unit is 404, a role without the list 403', async () => {
    const street = await t.login('xicheng');
    const other = await t.unitId('350802004000');
    for (const list of ['studios', 'needs', 'requests', 'accounts'])
      expect((await street.get(`/api/${list}/export.xlsx?under=${other}`)).statusCode, list).toBe(404);
    const member = await t.login('zhangwanzhen');
    for (const list of ['needs', 'accounts', 'audit-log', 'outbox'])
      expect((await member.get(`/api/${list}/export.xlsx`)).statusCode, list).toBe(403);
    expect((await street.get('/api/audit-log/export.xlsx')).statusCode).toBe(403);
  });

  it('masks what the list masks: residents’ phones in needs and requests, recipients in the outbox', async () => {
    const street = await t.login('xicheng');
    const community = await t.unitId('350802003004');
    await buildNeed(t.db, { unitId: community, residentName: '陈阿婆', residentPhone: '13912345678' });
    await buildRequest(t.db, { unitId: community, residentName: '林阿公', residentPhone: '13987654321' });
    await addSentMessage(community);
    const needs = await sheetOf(await street.get(`/api/needs/export.xlsx?under=${community}`));
    const phones = needs.map((r) => r['联系电话']).filter(Boolean);
    expect(phones).toContain('139****5678');
    expect(JSON.stringify(needs)).not.toContain('13912345678');
    const requests = await sheetOf(await street.get(`/api/requests/export.xlsx?under=${community}`));
    expect(requests.map((r) => r['联系电话'])).toContain('139****4321');
    for (const [list, column] of [
      ['requests', '联系电话'],
      ['outbox', '接收号码'],
    ] as const) {
      const rows = await sheetOf(await (await t.login('admin')).get(`/api/${list}/export.xlsx`));
      const values = rows.map((r) => String(r[column] ?? '')).filter(Boolean);
      expect(values.length, list).toBeGreaterThan(0);
      expect(
        values.every((v) => !/\d{11}/.test(v)),
        list,
      ).toBe(true);
    }
  });

  it('filters as the list does: accounts by role, outbox by status, the audit log by action', async () => {
    const district = await t.login('admin');
    const members = await sheetOf(await district.get('/api/accounts/export.xlsx?role=member'));
    const listed = (await district.get('/api/accounts?role=member&limit=500')).json() as { total: number };
    expect(members).toHaveLength(listed.total);
    expect(new Set(members.map((r) => r['角色']))).toEqual(new Set(['领岗党员']));
    const sent = await sheetOf(await district.get('/api/outbox/export.xlsx?status=sent'));
    expect(sent.every((r) => r['状态'] === '已发送')).toBe(true);
    const logins = await sheetOf(await district.get('/api/audit-log/export.xlsx?action=login'));
    expect(logins.length).toBeGreaterThan(0);
    // In words, as the log reads on screen (not `login`).
    expect(new Set(logins.map((r) => r['操作']))).toEqual(new Set(['登录']));
  });

  it('writes statuses, modes, groups, roles, categories and audit words in English for an English reader', async () => {
    const en = await sheetsIn('en');
    // Every enumerated column holds English only: no Chinese left in a status, a role or a mode.
    const chinese = /[\u3400-\u9fff]/;
    for (const [list, columns] of Object.entries(enumerated)) {
      const rows = en[list as keyof typeof enumerated];
      expect(rows.length, list).toBeGreaterThan(0);
      for (const column of columns) {
        expect(Object.keys(rows[0]!), list).toContain(column);
        const values = rows.map((r) => String(r[column] ?? ''));
        expect(
          values.filter((v) => chinese.test(v)),
          `${list} ${column}`,
        ).toEqual([]);
      }
    }
    expect(new Set(en.accounts.map((r) => r['Role']))).toContain('Party member');
    expect(new Set(en.accounts.map((r) => r['Status']))).toContain('Active');
    expect(new Set(en.studios.map((r) => r['Status']))).toContain('Plaque awarded');
    expect(new Set(en.outbox.map((r) => r['Status']))).toContain('Sent');
    expect(new Set(en.audit.map((r) => r['Action']))).toContain('Signed in');
    expect(new Set(en.audit.map((r) => r['Entity']))).toContain('Session');
    expect(en.records.map((r) => r['Mode'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(At the studio|Home visit|By phone|Online|Group activity)$/)]),
    );
    // A category is named as the district named it in English.
    const categories = (await (await t.login('admin')).get('/api/categories')).json() as Array<{
      name: Record<string, string>;
    }>;
    const englishNames = new Set(categories.map((c) => c.name['en']));
    expect(en.records.every((r) => englishNames.has(String(r['Service category'])))).toBe(true);
  });

  it('writes them in Traditional Chinese for a zh-TW reader, and in Simplified Chinese by default', async () => {
    const tw = await sheetsIn('zh-TW');
    expect(new Set(tw.accounts.map((r) => r['角色']))).toContain('領崗黨員');
    expect(new Set(tw.outbox.map((r) => r['狀態']))).toContain('已發送');
    expect(new Set(tw.audit.map((r) => r['操作']))).toContain('登入');
    expect(new Set(tw.audit.map((r) => r['對象']))).toContain('登入工作階段');
    const channels = new Set(tw.needs.map((r) => r['收集管道']));
    expect([...channels].every((c) => ['民情日記', '徵求意見', '入戶訪談'].includes(String(c)))).toBe(true);
    const zh = await sheetsIn('zh-CN');
    expect(new Set(zh.accounts.map((r) => r['角色']))).toContain('领岗党员');
    expect(new Set(zh.audit.map((r) => r['对象']))).toContain('登录会话');
  });

  it('streams past one page: every one of 520 needs of a community is in the file', async () => {
    const community = await t.unitId('350802003001');
    for (let i = 0; i < 520; i++) await buildNeed(t.db, { unitId: community, text: `第 ${i} 条需求：楼道灯坏了` });
    const res = await (await t.login('xicheng')).get(`/api/needs/export.xlsx?under=${community}`);
    const rows = await sheetOf(res);
    expect(rows.length).toBe(Number(res.headers['x-export-rows']));
    expect(rows.length).toBeGreaterThanOrEqual(520);
    expect(new Set(rows.map((r) => r['需求内容'])).size).toBe(rows.length);
  });

  it('refuses bad filters with 400 and a field path, as the list does', async () => {
    const district = await t.login('admin');
    for (const url of [
      '/api/studios/export.xlsx?status=nope',
      '/api/needs/export.xlsx?from=2026-13-01',
      '/api/requests/export.xlsx?under=abc',
      '/api/accounts/export.xlsx?role=king',
      '/api/outbox/export.xlsx?status=lost',
      '/api/audit-log/export.xlsx?from=yesterday',
      '/api/studios/export.xlsx?unknown=1',
    ]) {
      const res = await district.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: expect.stringMatching(/^querystring/) }],
      });
    }
  });
});

describe('contentDisposition', () => {
  it('gives the real name in RFC 5987 form and a plain ASCII fallback', () => {
    expect(contentDisposition('婉珍书法义教工作室-服务协议.pdf', 'contract.pdf')).toBe(
      `attachment; filename="contract.pdf"; filename*=UTF-8''${encodeURIComponent('婉珍书法义教工作室-服务协议.pdf')}`,
    );
    expect(contentDisposition("a'(b)*.xlsx", 'a"b.xlsx', 'inline')).toBe(
      `inline; filename="a_b.xlsx"; filename*=UTF-8''a%27%28b%29%2A.xlsx`,
    );
  });
});
