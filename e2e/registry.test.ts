import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goodRow, idNumberFor, workbookOf } from '../test/registry-workbook.ts';
import type { RawRow } from '../src/domain/registry/import-rows.ts';
import { openPage, untilResponse } from './fixtures/browser.ts';
import { inputValueOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { RegistryPage } from './pages/registry.page.ts';
import { Shell } from './pages/shell.page.ts';
import { choose } from './pages/antd-select.ts';
import { dialog, dialogButton } from './pages/overlays.ts';

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
    for (const query of ['zwz', 'zhangwanzhen', '婉珍']) {
      await registry.searchFor(query);
      await expect.poll(() => registry.names()).toEqual(['张婉珍']);
    }
  });

  it('shows phones masked, and the full number only on request (the tooltip says the read is logged)', async () => {
    const row = registry.row('张婉珍');
    await expect.poll(textOf(row)).toContain('139****0101');
    const button = row.getByRole('button', { name: /完整手机号码/ });
    const tooltip = page.locator(`#${await button.getAttribute('aria-describedby')}`);
    await expect.poll(textOf(tooltip)).toContain('审计日志');
    await expect.poll(textOf(await registry.revealPhone('张婉珍'))).toBe('13905970101');
    await registry.searchFor('');
  });

  it('imports a workbook with errors: each bad row is reported by row and column, nothing is written', async () => {
    await expect.poll(() => registry.total()).toBe(3);
    await registry.openImport();
    expect(await registry.upload('登记表.xlsx', await workbookOf(withMistakes()))).toBe('report');

    await expect.poll(() => registry.summary()).toEqual({ 总行数: 10, 无误行数: 5, 有错误的行: 4, 重复的行: 1 });
    const columnsOf = async (rows: number[]) => {
      const report = await registry.report();
      return rows.map((i) => report.filter((l) => l.row === rowOf(i)).map((l) => l.column));
    };
    await expect
      .poll(() => columnsOf([2, 4, 6, 8, 9]))
      .toEqual([['手机号码'], ['身份证号'], ['所在单位（代码或名称）'], ['姓名或名称'], ['手机号码']]);
    const report = await registry.report();
    expect(report.find((l) => l.row === rowOf(9))?.message).toMatch(/已有|重复/);
    expect(report.every((l) => l.message.length > 0)).toBe(true);
    // Importing everything needs every row to be good.
    await expect.poll(() => registry.importButton(/全部导入/).isDisabled()).toBe(true);
    await expect.poll(() => registry.importButton(/只导入无误的 5 行/).isEnabled()).toBe(true);
  });

  it('uploads the corrected file, sees every row good and imports them all', async () => {
    expect(await registry.upload('登记表-已修改.xlsx', await workbookOf(good))).toBe('report');
    await expect.poll(() => registry.summary()).toEqual({ 总行数: 10, 无误行数: 10, 有错误的行: 0, 重复的行: 0 });
    await expect.poll(textOf(registry.panel)).toContain('全部 10 行检查无误');
    // Committing asks once; cancelling writes nothing and leaves the report as it was.
    let commits = 0;
    page.on('request', (r) => void (/\/commit$/.test(r.url()) && commits++));
    await registry.importButton(/全部导入（10 行）/).click();
    await expect.poll(textOf(registry.commitConfirmation)).toContain('导入 10 条记录到志愿者登记册？');
    await registry.commitConfirmation.getByRole('button', { name: '取消' }).click();
    await registry.commitConfirmation.waitFor({ state: 'hidden' });
    expect(commits).toBe(0);
    await expect.poll(textOf(registry.panel)).toContain('全部 10 行检查无误');
    await registry.commit(/全部导入（10 行）/);
    expect(commits).toBe(1);
    await expect.poll(textOf(registry.panel)).toContain('已导入 10 行');
    await registry.finishImport();
    await expect.poll(() => registry.total()).toBe(13);
    await registry.searchFor(good[0]!.name!);
    await expect.poll(() => registry.names()).toContain(good[0]!.name);
  });

  it('reports the same file again as duplicates', async () => {
    await registry.openImport();
    expect(await registry.upload('登记表-再次.xlsx', await workbookOf(good))).toBe('report');
    await expect.poll(() => registry.summary()).toEqual({ 总行数: 10, 无误行数: 0, 有错误的行: 0, 重复的行: 10 });
    await page.keyboard.press('Escape');
    await registry.importDialog.waitFor({ state: 'hidden' });
  });

  it('adds a person with the form, then edits them (the edit form reads the full phone, and says it was logged)', async () => {
    await page.getByRole('button', { name: '新增', exact: true }).click();
    const form = dialog(page, /^(新增志愿者或单位|编辑“林晓梅”)$/);
    const phone = form.getByRole('textbox', { name: '手机号码' });
    await form.getByRole('textbox', { name: '姓名' }).fill('林晓梅');
    await phone.fill('13812345678');
    await choose(form.getByRole('combobox', { name: '技能类别' }), '文化宣传', { exact: true });
    await page.keyboard.press('Escape');
    await registry.table.reloadedBy(() =>
      untilResponse(
        page,
        (url, method) => url.endsWith('/api/volunteers') && method === 'POST',
        () => dialogButton(form, '保存').click(),
      ),
    );
    await form.waitFor({ state: 'hidden' });
    await registry.searchFor('lxm');
    await expect.poll(() => registry.names()).toEqual(['林晓梅']);
    const row = textOf(registry.row('林晓梅'));
    await expect.poll(row).toContain('138****5678');
    await expect.poll(row).toContain('待挑选');

    await untilResponse(
      page,
      (url) => /\/api\/volunteers\/\d+\/contact$/.test(url),
      () => registry.row('林晓梅').getByRole('button', { name: '编辑“林晓梅”' }).click(),
    );
    await expect.poll(inputValueOf(phone)).toBe('13812345678');
    await expect.poll(textOf(form)).toContain('记入审计日志');
    await form.getByRole('textbox', { name: '职业或专业' }).fill('社区医生');
    await registry.table.reloadedBy(() =>
      untilResponse(
        page,
        (url, method) => /\/api\/volunteers\/\d+$/.test(url) && method === 'PUT',
        () => dialogButton(form, '保存').click(),
      ),
    );
    await form.waitFor({ state: 'hidden' });
    await expect.poll(row).toContain('社区医生');
    await registry.searchFor('');
  });

  it('screens an imported candidate as selected, with a reason', async () => {
    const name = good[0]!.name!;
    // Found by name, as a community admin would look for them (not left to where the list stands).
    await registry.searchFor(name);
    await expect.poll(() => registry.names()).toContain(name);
    await expect.poll(textOf(registry.row(name))).toContain('待挑选');
    await registry
      .row(name)
      .getByRole('button', { name: `挑选“${name}”` })
      .click();
    const screening = dialog(page, `挑选：${name}`);
    await screening.getByLabel('选用', { exact: true }).check();
    await screening.getByRole('textbox', { name: '理由' }).fill('退休教师，熟悉政策，愿意每周服务');
    await registry.table.reloadedBy(() =>
      untilResponse(
        page,
        (url, method) => /\/api\/volunteers\/\d+\/screening$/.test(url) && method === 'POST',
        () => dialogButton(screening, '确定').click(),
      ),
    );
    await expect.poll(textOf(registry.row(name))).toContain('已选用');
  });

  it('exports the filtered list, with full phone numbers only when asked (and warned)', async () => {
    await page.getByRole('button', { name: '导出' }).click();
    const exporting = dialog(page, '导出到 Excel');
    await exporting.getByRole('checkbox', { name: '包含完整手机号码' }).check();
    await expect.poll(textOf(exporting.locator('#export-unmasked-warning'))).toContain('审计日志');
    const [download] = await Promise.all([page.waitForEvent('download'), dialogButton(exporting, '导出').click()]);
    expect(download.suggestedFilename()).toBe('志愿者登记册.xlsx');
  });

  it('edits an exported file and imports it again: the one changed cell updates the record, masked phones stay', async () => {
    await registry.searchFor('张婉珍');
    await page.getByRole('button', { name: '导出' }).click();
    const exporting = dialog(page, '导出到 Excel');
    const [download] = await Promise.all([page.waitForEvent('download'), dialogButton(exporting, '导出').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(headers.indexOf('手机号码*') + 1).value).toBe('139****0101');
    sheet.getRow(2).getCell(headers.indexOf('可服务时间') + 1).value = '每周三晚上';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    await registry.openImport();
    expect(await registry.upload('志愿者登记册.xlsx', edited)).toBe('report');
    const changes = textOf(page.getByTestId('import-changes'));
    await expect.poll(changes).toContain('将更新 1 条已有记录');
    await expect.poll(changes).toContain('第 2 行 张婉珍：可服务时间');
    await expect.poll(changes).toContain('第 2 行 手机号码：导出时已脱敏，未导入，保留登记册中的原号码');
    await expect.poll(() => registry.summary()).toMatchObject({ 有错误的行: 0, 重复的行: 0 });
    await registry.commit(/全部导入（1 行）/);
    await registry.finishImport();
    const found = await page.request.get(`/api/volunteers?q=${encodeURIComponent('张婉珍')}`);
    const person = (
      (await found.json()) as { items: Array<{ name: string; availability: string; phone: string }> }
    ).items.find((v) => v.name === '张婉珍');
    expect(person).toMatchObject({ availability: '每周三晚上', phone: '139****0101' });
  });
});
