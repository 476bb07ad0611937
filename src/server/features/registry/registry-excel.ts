import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { kindLabels, templateColumns, type ColumnKey, type RawRow } from '../../../domain/registry/import-rows.ts';

/** The Excel template staff download, fill in and upload: Chinese headers, an example row, and an instructions sheet. */
export async function templateWorkbook(categoryNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huimin';
  const sheet = wb.addWorksheet('志愿者信息');
  sheet.columns = templateColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(templateColumns.map((c) => [c.key, c.example])));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 26 }, { width: 80 }];
  const lines: Array<[string, string]> = [
    ['带 * 的列', '必须填写'],
    ['类型', Object.values(kindLabels).join('、')],
    ['手机号码', '11 位手机号；同一手机号或身份证号在表内和系统中只能出现一次'],
    ['身份证号', '18 位，校验位须正确；系统只保存脱敏形式和用于查重的摘要'],
    ['所在单位', '填写 12 位区划代码或单位名称（如“西兴社区”），须在本账号管辖范围内'],
    ['技能类别', `可选：${categoryNames.join('、')}；多个用顿号分隔`],
    ['示例行', '第 2 行为示例，导入前请删除或覆盖'],
  ];
  for (const l of lines) help.addRow(l);
  return Buffer.from(await wb.xlsx.writeBuffer());
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

/** Streams an export workbook: a header row, then rows as the iterator yields them. */
export function streamWorkbook(headers: string[], rows: AsyncIterable<Array<string | number | null>>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('导出');
  void (async () => {
    try {
      sheet.addRow(headers).commit();
      for await (const r of rows) sheet.addRow(r).commit();
      sheet.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return out;
}
