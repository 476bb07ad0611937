import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { studioColumns } from '../src/domain/studios/import-rows.ts';
import { openPage, untilResponse } from './fixtures/browser.ts';
import { textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';

// 导入原有网络 in the browser: a small studios workbook uploaded, its dry run reported row by
// row, the good rows committed, and the studios found in the list afterwards.

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let shell: Shell;

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('admin');
  shell = new Shell(page);
});
afterAll(() => context.close());

const studio = (n: number, extra: Record<string, string> = {}) => ({
  name: `浏览器导入工作室${n}`,
  unit: '西兴社区',
  venueType: '住宅小区',
  venueAddress: `西兴社区${n}号楼`,
  categories: '文化宣传',
  leaderPhone: '13905970101',
  memberPhones: '',
  status: '已授牌',
  contractOn: '2010-06-01',
  contractEnd: '2013-05-31',
  contractNumber: `XL-E2E-${n}`,
  plaqueOn: '2010-07-01',
  plaqueNumber: `XLP-E2E-${n}`,
  commitments: '每周六上午开放',
  ...extra,
});

async function workbook(rows: Array<Record<string, string>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工作室');
  sheet.addRow(studioColumns.map((c) => c.header));
  for (const r of rows) sheet.addRow(studioColumns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dialog = (): Locator => page.getByRole('dialog', { name: '导入工作室' });
const phase = () => page.getByTestId('import-panel').getAttribute('data-phase', { timeout: 1_000 });

describe('导入原有网络: studios', () => {
  it('uploads a small workbook and reports the bad row exactly in the dry run', async () => {
    await shell.open('导入原有网络');
    await page.getByRole('button', { name: '导入工作室' }).click();
    await dialog().waitFor();
    const buffer = await workbook([studio(1), studio(2, { leaderPhone: '13900000000' }), studio(3)]);
    await untilResponse(
      page,
      (url, method) => url.includes('/api/network-imports/studios?') && method === 'POST',
      () =>
        dialog().locator('input[type="file"]').first().setInputFiles({
          name: '工作室.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer,
        }),
    );
    await expect.poll(phase).toBe('report');
    const report = textOf(page.getByTestId('import-report'));
    // Row 3 of the sheet (the second studio): its leader is not in the registry.
    await expect.poll(report).toMatch(/3\s+领办党员手机号/);
    await expect
      .poll(() =>
        dialog()
          .getByRole('button', { name: /只导入无误的 2 行/ })
          .isEnabled(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        dialog()
          .getByRole('button', { name: /全部导入/ })
          .isDisabled(),
      )
      .toBe(true);
  });

  it('commits the good rows, and the list finds the studios', async () => {
    await dialog()
      .getByRole('button', { name: /只导入无误的 2 行/ })
      .click();
    await untilResponse(
      page,
      (url, method) => /\/api\/network-imports\/studios\/\d+\/commit$/.test(url) && method === 'POST',
      () =>
        page
          .getByRole('dialog', { name: '导入 2 个工作室？' })
          .getByRole('button', { name: /^导入 2 条$/ })
          .click(),
    );
    await expect.poll(phase).toBe('committed');
    await expect.poll(textOf(dialog())).toContain('已导入 2 行');
    await dialog().getByRole('button', { name: '完成' }).click();
    await expect.poll(textOf(page.getByRole('status'))).toContain('已导入。');
    await shell.open('工作室');
    await page.locator('#studio-search').fill('浏览器导入工作室');
    await page.locator('#studio-search').press('Enter');
    const main = page.getByRole('main');
    await expect.poll(textOf(main)).toContain('浏览器导入工作室1');
    await expect.poll(textOf(main)).toContain('浏览器导入工作室3');
    expect(await main.innerText()).not.toContain('浏览器导入工作室2');
  });
});
