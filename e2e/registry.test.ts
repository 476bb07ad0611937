import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goodRow, idNumberFor, workbookOf } from '../test/registry-workbook.ts';
import type { RawRow } from '../src/domain/registry/import-rows.ts';
import { openPage, tableReloadedBy, untilResponse } from './fixtures/browser.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { RegistryPage } from './pages/registry.page.ts';
import { Shell } from './pages/shell.page.ts';
import { chooseOption } from './pages/antd-select.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let registry: RegistryPage;

// Ten people of 西兴社区, numbered well away from the demo data's phones.
const FIRST = 700_001;
const good = Array.from({ length: 10 }, (_, i) => goodRow(FIRST + i, '西兴社区'));
/** The workbook's row number of good[i]: the header is row 1. */
const rowOf = (i: number) => i + 2;

/** The same people with five planted problems, as a community admin's first attempt might look. */
function withMistakes(): RawRow[] {
  const rows = good.map((r) => ({ ...r }));
  rows[2]!.phone = '1390597';
  const id = idNumberFor(FIRST + 4);
  rows[4]!.idNumber = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
  rows[6]!.unit = '不存在社区';
  rows[8]!.name = '';
  // 张婉珍's number: already in the registry.
  rows[9]!.phone = '13905970101';
  return rows;
}

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('xixing');
  registry = new RegistryPage(page);
  await new Shell(page).open('志愿者登记册');
  await registry.waitForTable();
});
afterAll(() => context.close());

describe('志愿者登记册 (community admin)', () => {
  it('finds 张婉珍 by her initials, her full pinyin and her name', async () => {
    expect(await registry.searchFor('zwz')).toEqual(['张婉珍']);
    expect(await registry.searchFor('zhangwanzhen')).toEqual(['张婉珍']);
    expect(await registry.searchFor('婉珍')).toEqual(['张婉珍']);
  });

  it('shows phones masked, and the full number only on request (the tooltip says the read is logged)', async () => {
    const row = registry.row('张婉珍');
    expect(await row.innerText()).toContain('139****0101');
    const button = row.getByRole('button', { name: /完整手机号码/ });
    expect(await page.locator(`#${await button.getAttribute('aria-describedby')}`).innerText()).toContain('审计日志');
    expect(await registry.revealPhone('张婉珍')).toBe('13905970101');
    await registry.search.fill('');
    await tableReloadedBy(page, 'registry-table', () => registry.search.press('Enter'));
  });

  it('imports a workbook with errors: each bad row is reported by row and column, nothing is written', async () => {
    expect(await registry.total()).toBe(3);
    await registry.openImport();
    expect(await registry.upload('登记表.xlsx', await workbookOf(withMistakes()))).toBe('report');

    const counts = await registry.summary();
    expect(counts).toEqual({ 总行数: 10, 无误行数: 5, 有错误的行: 4, 重复的行: 1 });
    const report = await registry.report();
    const at = (i: number) => report.filter((l) => l.row === rowOf(i)).map((l) => l.column);
    expect(at(2)).toEqual(['手机号码']);
    expect(at(4)).toEqual(['身份证号']);
    expect(at(6)).toEqual(['所在单位（代码或名称）']);
    expect(at(8)).toEqual(['姓名或名称']);
    expect(at(9)).toEqual(['手机号码']);
    expect(report.find((l) => l.row === rowOf(9))?.message).toMatch(/已有|重复/);
    expect(report.every((l) => l.message.length > 0)).toBe(true);
    // Importing everything needs every row to be good.
    expect(await registry.importButton(/全部导入/).isDisabled()).toBe(true);
    expect(await registry.importButton(/只导入无误的 5 行/).isEnabled()).toBe(true);
  });

  it('uploads the corrected file, sees every row good and imports them all', async () => {
    expect(await registry.upload('登记表-已修改.xlsx', await workbookOf(good))).toBe('report');
    expect(await registry.summary()).toEqual({ 总行数: 10, 无误行数: 10, 有错误的行: 0, 重复的行: 0 });
    expect(await registry.panel.innerText()).toContain('全部 10 行检查无误');
    expect(await registry.commit(/全部导入（10 行）/)).toContain('已导入 10 行');
    await registry.finishImport();
    expect(await registry.total()).toBe(13);
    expect(await registry.searchFor(good[0]!.name!)).toContain(good[0]!.name);
  });

  it('reports the same file again as duplicates', async () => {
    await registry.openImport();
    expect(await registry.upload('登记表-再次.xlsx', await workbookOf(good))).toBe('report');
    expect(await registry.summary()).toEqual({ 总行数: 10, 无误行数: 0, 有错误的行: 0, 重复的行: 10 });
    await page.keyboard.press('Escape');
    await registry.importDialog.waitFor({ state: 'hidden' });
  });

  it('adds a person with the form, then edits them (the edit form reads the full phone, and says it was logged)', async () => {
    await page.getByRole('button', { name: '新增', exact: true }).click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('form#volunteer') });
    await dialog.locator('#volunteer_name').fill('林晓梅');
    await dialog.locator('#volunteer_phone').fill('13812345678');
    await chooseOption(page, 'volunteer_categoryIds', '文化宣传', { exact: true });
    await page.keyboard.press('Escape');
    await tableReloadedBy(page, 'registry-table', () =>
      untilResponse(
        page,
        (url, method) => url.endsWith('/api/volunteers') && method === 'POST',
        () => dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
      ),
    );
    expect(await registry.searchFor('lxm')).toEqual(['林晓梅']);
    const row = await registry.row('林晓梅').innerText();
    expect(row).toContain('138****5678');
    expect(row).toContain('待挑选');

    await untilResponse(
      page,
      (url) => /\/api\/volunteers\/\d+\/contact$/.test(url),
      () => registry.row('林晓梅').getByRole('button', { name: '编辑“林晓梅”' }).click(),
    );
    await page.waitForFunction(
      () => (document.querySelector('#volunteer_phone') as HTMLInputElement | null)?.value === '13812345678',
    );
    expect(await dialog.innerText()).toContain('记入审计日志');
    await dialog.locator('#volunteer_profession').fill('社区医生');
    await tableReloadedBy(page, 'registry-table', () =>
      untilResponse(
        page,
        (url, method) => /\/api\/volunteers\/\d+$/.test(url) && method === 'PUT',
        () => dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
      ),
    );
    expect(await registry.row('林晓梅').innerText()).toContain('社区医生');
    await registry.search.fill('');
    await tableReloadedBy(page, 'registry-table', () => registry.search.press('Enter'));
  });

  it('screens an imported candidate as selected, with a reason', async () => {
    const name = good[0]!.name!;
    // Found by name, as a community admin would look for them (not left to where the list stands).
    expect(await registry.searchFor(name)).toContain(name);
    expect(await registry.row(name).innerText()).toContain('待挑选');
    await registry
      .row(name)
      .getByRole('button', { name: `挑选“${name}”` })
      .click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('form#screening') });
    await dialog.getByLabel('选用', { exact: true }).check();
    await dialog.locator('#screening_reason').fill('退休教师，熟悉政策，愿意每周服务');
    await tableReloadedBy(page, 'registry-table', () =>
      untilResponse(
        page,
        (url, method) => /\/api\/volunteers\/\d+\/screening$/.test(url) && method === 'POST',
        () => dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
      ),
    );
    expect(await registry.row(name).innerText()).toContain('已选用');
  });

  it('exports the filtered list, with full phone numbers only when asked (and warned)', async () => {
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '导出到 Excel' });
    await dialog.getByText('包含完整手机号码').click();
    expect(await dialog.locator('#export-unmasked-warning').innerText()).toContain('审计日志');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    expect(download.suggestedFilename()).toBe('志愿者登记册.xlsx');
  });
});
