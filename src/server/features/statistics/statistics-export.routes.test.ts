import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { worksheetName } from './statistics-export.service.ts';

// The dashboard's workbook in the reader's language: the chart titles, the headings and the
// enumerated figures (statuses, kinds, modes, groups, venue types, months, letters…) as the
// console names them; the unit's and its units' names stay as stored.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const period = 'from=2026-10-01&to=2026-12-01';
const chinese = /[\u3400-\u9fff]/;

interface Sheet {
  name: string;
  rows: string[][];
}

async function workbookOf(res: LightMyRequestResponse): Promise<Sheet[]> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return { name: ws.name, rows };
  });
}

/** The whole dashboard of the district as the district admin exports it after choosing `locale`. */
async function dashboardIn(locale: string) {
  const district = await t.login('admin');
  expect((await district.put('/api/auth/me/settings', { locale })).statusCode).toBe(200);
  const res = await district.get(`/api/statistics/export.xlsx?${period}`);
  return { res, sheets: await workbookOf(res) };
}

/** The names of the units, as stored: the only words an English sheet keeps in Chinese. */
async function unitNames(): Promise<string[]> {
  const rows = await t.db.selectFrom('org_units').select('name').execute();
  return rows.map((r) => r.name).sort((a, b) => b.length - a.length);
}

describe('GET /api/statistics/export.xlsx in the reader’s language', () => {
  it('writes sheet names, headings and enumerated figures in English for an English reader', async () => {
    const { res, sheets } = await dashboardIn('en');
    const units = await unitNames();
    const withoutUnits = (s: string) => units.reduce((acc, u) => acc.split(u).join(''), s);
    expect(sheets.length).toBeGreaterThan(10);
    for (const sheet of sheets) {
      expect(sheet.name, sheet.name).not.toMatch(chinese);
      // Row 1 is the unit's name (as stored) and the chart's title; row 2 the headings.
      const [title = [], headings = [], ...figures] = sheet.rows;
      expect(withoutUnits(title[0] ?? ''), sheet.name).not.toMatch(chinese);
      expect(
        headings.filter((h) => chinese.test(h)),
        sheet.name,
      ).toEqual([]);
      // The figures under units below are named by the units; every other figure is a word of the console's.
      const labels = figures.map((r) => r[0] ?? '').filter(Boolean);
      const left = sheet.name.includes('unit below') ? labels.map(withoutUnits) : labels;
      expect(
        left.filter((l) => chinese.test(l)),
        sheet.name,
      ).toEqual([]);
    }
    const byName = new Map(sheets.map((s) => [s.name, s.rows.slice(2).map((r) => r[0])]));
    expect(byName.get('Studios by status')).toEqual(expect.arrayContaining(['Plaque awarded', 'Draft']));
    expect(byName.get('Person-times by mode')).toContain('Home visit');
    expect(byName.get('Key figures')).toContain('Studios serving');
    expect(byName.get('Person-times by month')).toEqual(['2026-10', '2026-11']);
    expect(byName.get('Residents’ ratings')).toEqual(['5-star', '4-star', '3-star', '2-star', '1-star', 'Mean score']);
    expect(sheets[0]?.rows[1]).toEqual([
      'Item',
      'This period 2026-10-01 to 2026-12-01 (exclusive)',
      'Previous 2026-08-01 to 2026-10-01 (exclusive)',
    ]);
    // A category is named as the district named it in English.
    const categories = (await (await t.login('admin')).get('/api/categories')).json() as Array<{
      name: Record<string, string>;
    }>;
    const english = categories.map((c) => c.name['en']);
    expect(byName.get('Person-times by category')).toEqual(expect.arrayContaining(english));
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('Dashboard'));
    // The dashboard on screen names its categories the same way.
    const shown = (await (await t.login('admin')).get(`/api/statistics/dashboard?${period}`)).json() as {
      charts: Array<{ id: string; items: Array<{ label: string }> }>;
    };
    const onScreen = shown.charts.find((c) => c.id === 'servicesByCategory')?.items.map((i) => i.label);
    expect(onScreen).toEqual(byName.get('Person-times by category'));
  });

  it('writes them in Traditional Chinese for a zh-TW reader, and in Simplified Chinese by default', async () => {
    const { sheets: tw } = await dashboardIn('zh-TW');
    const twByName = new Map(tw.map((s) => [s.name, s.rows]));
    expect(twByName.get('工作室（按狀態）')?.[1]?.[0]).toBe('項目');
    expect(twByName.get('工作室（按狀態）')?.map((r) => r[0])).toContain('待社區審核');
    expect(twByName.get('志願者（按類型）')?.map((r) => r[0])).toContain('專業技術人才');
    expect(twByName.get('主要資料')?.map((r) => r[0])).toContain('在崗工作室');
    const { sheets: zh } = await dashboardIn('zh-CN');
    const zhByName = new Map(zh.map((s) => [s.name, s.rows]));
    expect(zhByName.get('工作室（按状态）')?.map((r) => r[0])).toContain('待社区审核');
    expect(zhByName.get('主要数据')?.[1]?.[1]).toBe('本期 2026-10-01 至 2026-12-01（不含）');
  });

  it('names a sheet within Excel’s 31 characters and without the characters it refuses', () => {
    expect(worksheetName('Response, resolution, satisfaction (%)')).toBe('Response, resolution…');
    expect(worksheetName('a/b: c')).toBe('a b  c');
    expect(worksheetName('工作室（按状态）')).toBe('工作室（按状态）');
  });
});
