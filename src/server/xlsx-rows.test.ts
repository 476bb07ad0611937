import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { goodRow, workbookOf } from '../../test/registry-workbook.ts';
import { templateColumns } from '../domain/registry/import-rows.ts';
import { readSheetRows } from './import-sheets.ts';
import { readFirstSheet } from './xlsx-rows.ts';

/** What exceljs's whole-workbook reading gives for a row (the reader used before streaming). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: Array<{ text: string }>; text?: string; result?: unknown };
  if (v.richText)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (v.text !== undefined) return String(v.text).trim();
  if (v.result !== undefined) return cellText(v.result);
  return String(value).trim();
}

/** Cells by column with a missing cell as '' and no empty cells at the end (the readers differ only there). */
function dense(cells: Array<string | undefined>): string[] {
  const out = Array.from(cells, (c) => c ?? '');
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

async function viaExcelJs(file: Buffer): Promise<Array<{ row: number; cells: string[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const out: Array<{ row: number; cells: string[] }> = [];
  for (let n = 1; n <= (sheet?.rowCount ?? 0); n++) {
    const values = sheet?.getRow(n).values as unknown[];
    const cells = dense(values.map(cellText));
    if (cells.length > 0) out.push({ row: n, cells });
  }
  return out;
}

async function streamed(file: Buffer): Promise<Array<{ row: number; cells: string[] }>> {
  const out: Array<{ row: number; cells: string[] }> = [];
  for await (const { row, cells } of readFirstSheet(file)) {
    const trimmed = dense(cells.map((c) => c?.trim()));
    if (trimmed.length > 0) out.push({ row, cells: trimmed });
  }
  return out;
}

describe('the streaming .xlsx reader', () => {
  it('reads a large file with inline strings (the template writer) cell for cell as exceljs does', async () => {
    // Thousands of Chinese rows: characters straddle the inflated pieces' boundaries.
    const file = await workbookOf(Array.from({ length: 2_000 }, (_, n) => goodRow(n, n % 3 ? '西兴社区' : '长河街道')));
    const mine = await streamed(file);
    expect(mine).toHaveLength(2_001);
    expect(mine).toEqual(await viaExcelJs(file));
  });

  it('reads shared strings, rich text, numbers, dates, formulas, booleans, entities and gaps as exceljs does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('第一张');
    const sheet = wb.worksheets[0]!;
    sheet.addRow(['*姓名', '手机号码', '出生年份', '日期', '备注']);
    sheet.addRow(['  王伟  ', 13_800_138_000, 1960, new Date('2011-03-05T00:00:00Z'), 'a & b <c> "d"']);
    sheet.addRow([{ richText: [{ text: '李' }, { text: '娜', font: { bold: true } }] }, '13900139000', '1971']);
    sheet.addRow([]);
    sheet.addRow([]);
    sheet.getCell('A6').value = { formula: 'CONCAT("张","三")', result: '张三' };
    sheet.getCell('C6').value = { formula: '1900+70', result: 1970 };
    sheet.getCell('E6').value = true;
    sheet.getCell('G6').value = 3.25;
    const other = wb.addWorksheet('第二张');
    other.addRow(['不读这一张']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const mine = await streamed(file);
    expect(mine).toEqual(await viaExcelJs(file));
    expect(mine[1]?.cells.slice(1)).toEqual(['王伟', '13800138000', '1960', '2011-03-05', 'a & b <c> "d"']);
  });

  it('maps columns by header text and skips blank rows', async () => {
    const file = await workbookOf([goodRow(1), { name: '' }, goodRow(2)]);
    const rows = [];
    for await (const r of readSheetRows(file, templateColumns)) rows.push(r);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0]?.raw).toMatchObject({ name: goodRow(1).name, phone: goodRow(1).phone });
  });

  it('refuses what is not a workbook', async () => {
    await expect(streamed(Buffer.from('not a zip at all'))).rejects.toThrow();
  });
});
