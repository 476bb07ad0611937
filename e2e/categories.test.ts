import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, untilResponse } from './fixtures/browser.ts';
import { attributeOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { CategoriesPage } from './pages/categories.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let categories: CategoriesPage;

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('admin');
  categories = new CategoriesPage(page);
  await new Shell(page).open('服务类别');
  await categories.waitForTable();
});
afterAll(() => context.close());

describe('服务类别 (district admin)', () => {
  it('lists the 11 default categories in order, with their names in three languages', async () => {
    await expect.poll(() => categories.rows()).toHaveLength(11);
    const rows = await categories.rows();
    expect(rows[0]).toEqual(
      expect.arrayContaining(['1', '政策法律咨询', '政策法律諮詢', 'Policy and legal advice', 'legal']),
    );
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(['文化宣传', '计生服务', '就业指导', '医疗保健']));
  });

  it('edits a category’s names', async () => {
    await categories.edit('便民维修', { nameZhTW: '便民維修服務', nameEn: 'Repairs at home' });
    const row = textOf(categories.row('便民维修'));
    await expect.poll(row).toContain('便民維修服務');
    await expect.poll(row).toContain('Repairs at home');
  });

  it('adds a category and disables it again', async () => {
    await categories.add({
      code: 'legal-aid-youth',
      nameZhCN: '青少年普法',
      nameZhTW: '青少年普法',
      nameEn: 'Law for young people',
      position: 12,
    });
    await expect
      .poll(async () => (await categories.rows()).at(-1))
      .toEqual(expect.arrayContaining(['12', '青少年普法', 'Law for young people']));
    // Disabling asks once; cancelling leaves it enabled and sends nothing.
    let writes = 0;
    page.on('request', (r) => void (r.method() === 'PUT' && /\/api\/categories\//.test(r.url()) && writes++));
    await categories.row('青少年普法').getByRole('switch').click();
    const asked = categories.confirmDisable('青少年普法');
    await expect.poll(textOf(asked)).toContain('已有数据保留');
    await asked.getByRole('button', { name: '取消' }).click();
    await asked.waitFor({ state: 'hidden' });
    expect(writes).toBe(0);
    await expect.poll(attributeOf(categories.row('青少年普法').getByRole('switch'), 'aria-checked')).toBe('true');
    await categories.toggle('青少年普法');
    await expect.poll(attributeOf(categories.row('青少年普法').getByRole('switch'), 'aria-checked')).toBe('false');
    expect(writes).toBe(1);
  });

  it('asks once before the edit dialog’s switch disables a category', async () => {
    await categories.add({
      code: 'elder-visits',
      nameZhCN: '敬老探访',
      nameZhTW: '敬老探訪',
      nameEn: 'Elder visits',
      position: 13,
    });
    await categories.row('敬老探访').getByRole('button', { name: '编辑“敬老探访”' }).click();
    await categories.dialog.getByRole('switch').click();
    let writes = 0;
    page.on('request', (r) => void (r.method() === 'PUT' && /\/api\/categories\//.test(r.url()) && writes++));
    await categories.pressSave();
    const asked = categories.confirmDisable('敬老探访');
    await expect.poll(textOf(asked)).toContain('已有数据保留');
    await asked.getByRole('button', { name: '取消' }).click();
    await asked.waitFor({ state: 'hidden' });
    expect(writes).toBe(0);
    await categories.pressSave();
    await untilResponse(
      page,
      (url, m) => /\/api\/categories\/\d+$/.test(url) && m === 'PUT',
      () => asked.getByRole('button', { name: '停用' }).click(),
    );
    await categories.dialog.waitFor({ state: 'hidden' });
    await expect.poll(attributeOf(categories.row('敬老探访').getByRole('switch'), 'aria-checked')).toBe('false');
    expect(writes).toBe(1);
  });

  it('refuses a second category with the same code, with the server’s message', async () => {
    await categories.openAdd();
    await categories.fill({ code: 'legal', nameZhCN: '重复', nameZhTW: '重複', nameEn: 'Duplicate' });
    await categories.pressSave();
    await expect.poll(async () => (await textOf(categories.dialog.getByRole('alert'))()).length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await categories.dialog.waitFor({ state: 'hidden' });
  });
});

describe('服务类别 for other roles', () => {
  it('is not in a community admin’s menu', async () => {
    const { context: other, page: p } = await openPage(e2e.browser, e2e.url);
    try {
      const login = new LoginPage(p);
      await login.goto();
      await login.signInAs('xixing');
      expect(await new Shell(p).menuLabels()).not.toContain('服务类别');
    } finally {
      await other.close();
    }
  });
});
