import { loadExcel } from './heavy-modules.ts';
import { readFirstSheet } from './xlsx-rows.ts';

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

const bare = (header: string) => header.replace(/[*＊\s]/g, '');

/**
 * Reads the first sheet of an uploaded workbook row by row, streamed (see xlsx-rows.ts).
 * Columns are matched by header text (row 1), so their order may differ from the template.
 * Yields the sheet's row number with each row; blank rows are skipped. Cells read as exceljs
 * gave them: text trimmed, numbers as written, dates as YYYY-MM-DD.
 */
export async function* readSheetRows<K extends string>(
  file: Buffer,
  columns: ReadonlyArray<SheetColumn<K>>,
): AsyncGenerator<{ row: number; raw: Partial<Record<K, string>> }> {
  const byHeader = new Map<string, K>(columns.map((c) => [bare(c.header), c.key]));
  let keys: Array<K | undefined> = [];
  for await (const { row, cells } of readFirstSheet(file)) {
    if (row === 1) {
      keys = cells.map((h) => (h === undefined ? undefined : byHeader.get(bare(h.trim()))));
      continue;
    }
    if (row < 2) continue;
    const raw: Partial<Record<K, string>> = {};
    let blank = true;
    cells.forEach((cell, i) => {
      const v = (cell ?? '').trim();
      if (v !== '') blank = false;
      const key = keys[i];
      if (key) raw[key] = v;
    });
    if (blank) continue;
    yield { row, raw };
  }
}

/** The template of an import: the columns with an example row, and the instructions, as .xlsx. */
export async function templateWorkbook(
  sheetName: string,
  columns: ReadonlyArray<SheetColumn>,
  help: ReadonlyArray<[string, string]>,
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
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
