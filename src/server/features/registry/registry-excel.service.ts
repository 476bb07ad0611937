import ExcelJS from 'exceljs';
import { templateColumns, type ColumnKey, type RawRow } from '../../../domain/registry/import-rows.ts';

// Reading what staff upload; writing workbooks is registry-excel.presenter.ts.

/** Text of a cell whatever Excel stored (number, rich text, formula result, date). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: string; result?: unknown };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value).trim();
}

/**
 * Reads the first sheet of an uploaded workbook row by row. Columns are matched by header
 * text, so their order may differ from the template. Yields the sheet's row number with
 * each row; blank rows are skipped.
 *
 * The whole workbook is loaded rather than streamed: exceljs's streaming reader decodes each
 * decompressed chunk on its own and corrupts Chinese characters that straddle two chunks
 * (seen here on generated 5,000-row files). Loading costs memory (about 700 MB for 100,000
 * rows) but reads every character right.
 */
export async function* readRegistryRows(file: Buffer): AsyncGenerator<{ row: number; raw: RawRow }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return;
  const byHeader = new Map<string, ColumnKey>(templateColumns.map((c) => [c.header.replace(/[*＊\s]/g, ''), c.key]));
  const columns = (sheet.getRow(1).values as unknown[]).map((h) => byHeader.get(cellText(h).replace(/[*＊\s]/g, '')));
  for (let n = 2; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as unknown[]).map(cellText);
    if (values.every((v) => v === '')) continue;
    const raw: RawRow = {};
    values.forEach((v, i) => {
      const key = columns[i];
      if (key) raw[key] = v;
    });
    yield { row: n, raw };
  }
}
