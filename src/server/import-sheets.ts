import ExcelJS from 'exceljs';

// The workbooks of the spreadsheet imports: the template staff download (a sheet with the
// columns and an example row, and a sheet of instructions) and the reading of what they
// upload, matched to the columns by header text. Shared by every import.

/** A column of an import template: its key, the Chinese header (`*` marks required), width and example. */
export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  width: number;
  example: string;
}

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

const bare = (header: string) => header.replace(/[*＊\s]/g, '');

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
export async function* readSheetRows<K extends string>(
  file: Buffer,
  columns: ReadonlyArray<SheetColumn<K>>,
): AsyncGenerator<{ row: number; raw: Partial<Record<K, string>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return;
  const byHeader = new Map<string, K>(columns.map((c) => [bare(c.header), c.key]));
  const keys = (sheet.getRow(1).values as unknown[]).map((h) => byHeader.get(bare(cellText(h))));
  for (let n = 2; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as unknown[]).map(cellText);
    if (values.every((v) => v === '')) continue;
    const raw: Partial<Record<K, string>> = {};
    values.forEach((v, i) => {
      const key = keys[i];
      if (key) raw[key] = v;
    });
    yield { row: n, raw };
  }
}

/** The template of an import: the columns with an example row, and the instructions, as .xlsx. */
export async function templateWorkbook(
  sheetName: string,
  columns: ReadonlyArray<SheetColumn>,
  help: ReadonlyArray<[string, string]>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huimin';
  const sheet = wb.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = wb.addWorksheet('填写说明');
  about.columns = [{ width: 26 }, { width: 80 }];
  for (const l of help) about.addRow(l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
