import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { YearEndSheet } from '../../../contract/evaluation.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';

// The year-end sheet (workbook and Word) in the reader's language: headings, grades, roles,
// quarters and the sheet's lines as the console words them; names of people, branches and
// studios as stored.

let t: TestApp;
let xicheng: Client;
let sheet: YearEndSheet;
beforeAll(async () => {
  t = await createTestApp();
  xicheng = await t.login('xicheng');
  sheet = (await xicheng.get('/api/evaluation/year-end?year=2026')).json() as YearEndSheet;
  // One grade decided by the branch, so the confirmed column has a value to translate.
  const first = sheet.members.find((m) => !m.probationary)!;
  const res = await xicheng.put(`/api/evaluation/year-end/${first.volunteerId}/grade`, {
    year: 2026,
    grade: 'qualified',
    reason: 'x',
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

const chinese = /[\u3400-\u9fff]/;

/** The text with the names of the sheet's people, branches and studios taken out. */
function withoutNames(text: string): string {
  const names = sheet.members.flatMap((m) => [m.name, m.branch ?? '', ...m.studios.map((s) => s.name)]);
  return names
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .reduce((acc, n) => acc.split(n).join(''), text);
}

async function inLocale(locale: string) {
  expect((await xicheng.put('/api/auth/me/settings', { locale })).statusCode).toBe(200);
}

async function rowsOf(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { name: ws.name, rows };
}

/** The words of a .docx: its text runs, without the fonts' names in its markup. */
async function wordsOf(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

function savedName(res: LightMyRequestResponse): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  return decodeURIComponent(match?.[1] ?? '');
}

describe('GET /api/evaluation/year-end.xlsx in the reader’s language', () => {
  it('writes headings, grades, roles and the quota lines in English for an English reader', async () => {
    await inLocale('en');
    const res = await xicheng.get('/api/evaluation/year-end.xlsx?year=2026');
    const { name, rows } = await rowsOf(res);
    expect(name).toBe('Year-end sheet 2026');
    expect(savedName(res)).toBe('Year-end sheet 2026.xlsx');
    const [headings = [], ...body] = rows;
    expect(headings).toContain('Suggested grade');
    expect(headings).toContain('Q1');
    expect(headings.filter((h) => chinese.test(h))).toEqual([]);
    expect(body.length).toBeGreaterThan(sheet.members.length);
    // Every cell but the reason (free text, as written) holds English or a stored name.
    const reason = headings.indexOf('Reason');
    const left = body.flatMap((r) => r.filter((_, i) => i !== reason)).map(withoutNames);
    expect(left.filter((c) => chinese.test(c))).toEqual([]);
    // The demo's year has no quarter scored yet, so no grade is suggested.
    expect(new Set(body.map((r) => r[headings.indexOf('Suggested grade')]))).toContain('No scores');
    expect(body.map((r) => r[headings.indexOf('Branch’s grade')])).toContain('Qualified');
    expect(body.map((r) => r[headings.indexOf('Studios (role)')]).join(' ')).toMatch(/（(Leader|Member)）/);
  });

  it('writes them in Traditional Chinese for a zh-TW reader, and in Simplified Chinese by default', async () => {
    await inLocale('zh-TW');
    const tw = await rowsOf(await xicheng.get('/api/evaluation/year-end.xlsx?year=2026'));
    expect(tw.name).toBe('2026年度黨員評議參考');
    expect(tw.rows[0]).toEqual(expect.arrayContaining(['所在黨支部', '建議等次', '支部確認', '一季度']));
    expect(tw.rows.map((r) => r[tw.rows[0]!.indexOf('支部確認')])).toContain('合格');
    expect(tw.rows.flat().join(' ')).toContain('建議等次僅供參考');
    await inLocale('zh-CN');
    const zh = await rowsOf(await xicheng.get('/api/evaluation/year-end.xlsx?year=2026'));
    expect(zh.name).toBe('2026年度党员评议参考');
    expect(zh.rows[0]).toEqual(expect.arrayContaining(['所在党支部', '建议等次', '支部确认']));
  });
});

describe('GET /api/evaluation/year-end/:volunteerId/sheet.docx in the reader’s language', () => {
  it('words one member’s sheet in English, in Traditional Chinese, and in Simplified Chinese', async () => {
    const first = sheet.members.find((m) => !m.probationary)!;
    const url = `/api/evaluation/year-end/${first.volunteerId}/sheet.docx?year=2026`;
    await inLocale('en');
    const res = await xicheng.get(url);
    const en = await wordsOf(res);
    expect(en).toContain('Year-end sheet 2026');
    expect(en).toContain('Quarterly scores');
    expect(en).toContain(first.name);
    // The reason ('x') is free text; everything else is English or a stored name.
    expect(withoutNames(en)).not.toMatch(chinese);
    expect(savedName(res)).toBe(`Year-end sheet 2026 (${first.name}).docx`);
    await inLocale('zh-TW');
    expect(await wordsOf(await xicheng.get(url))).toContain('2026年度黨員評議參考表');
    await inLocale('zh-CN');
    const zh = await wordsOf(await xicheng.get(url));
    expect(zh).toContain('2026年度党员评议参考表');
    expect(zh).toContain('季度量化考评得分');
  });
});
