import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { idCheckCharacter } from '../src/domain/registry/id-number.ts';
import { templateColumns, type RawRow } from '../src/domain/registry/import-rows.ts';
import type { importStatus } from '../src/contract/registry.ts';
import type { z } from 'zod';
import type { Client } from './test-app.ts';

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玲海燕红梅志强春生丽华美兰晓燕海涛';

/** Birth year of the n-th generated person. */
export const yearFor = (n: number) => 1950 + (n % 50);

/** A valid ID number for the n-th generated person, unique for n below 16 million. */
export function idNumberFor(n: number): string {
  const rest = Math.floor(n / 50);
  const month = String((rest % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(rest / 12) % 28) + 1).padStart(2, '0');
  const seq = String(Math.floor(rest / 336) % 1000).padStart(3, '0');
  const first17 = `350802${yearFor(n)}${month}${day}${seq}`;
  return first17 + idCheckCharacter(first17);
}

/** The n-th generated, valid registry row (unique phone and ID number for n < 10^7). */
export function goodRow(n: number, unit = '西兴社区'): RawRow {
  return {
    kind: ['党员', '专业技术人才', '驻区单位', '民间组织'][n % 4],
    name: `${surnames[n % surnames.length]}${given[(n * 7) % given.length]}${given[(n * 13) % given.length]}`,
    gender: n % 2 ? '男' : '女',
    birthYear: String(yearFor(n)),
    phone: `13${String(100_000_000 + n).slice(-9)}`,
    idNumber: idNumberFor(n),
    unit,
    categories: ['文化宣传', '医疗保健、养老助残', '', '政策法律咨询'][n % 4],
    profession: '退休教师',
  };
}

/** Turns rows into an .xlsx file with the template's headers. */
export async function workbookOf(rows: RawRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('志愿者信息');
  sheet.addRow(templateColumns.map((c) => c.header)).commit();
  for (const r of rows) sheet.addRow(templateColumns.map((c) => r[c.key] ?? '')).commit();
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An import's status as the API answers it. */
export type ImportStatus = z.infer<typeof importStatus>;

/** Uploads a registry workbook as `client`; answers the import's id (its dry run runs in the background). */
export async function uploadRegistryWorkbook(client: Client, file: Buffer, filename = 'test.xlsx'): Promise<number> {
  const res = await client.request({
    method: 'POST',
    url: `/api/registry/imports?filename=${encodeURIComponent(filename)}`,
    payload: file,
    headers: { 'content-type': XLSX },
  });
  if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json().id as number;
}

/** Waits until import `id`'s dry run has ended (up to 30 s); answers its status. */
export async function settledImport(client: Client, id: number): Promise<ImportStatus> {
  for (let i = 0; i < 600; i++) {
    const s = (await client.get(`/api/registry/imports/${id}`)).json() as ImportStatus;
    if (s.status !== 'validating') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
