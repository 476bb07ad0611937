import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();

const bodyFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const cellFontSize = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.ant-table-row .ant-table-cell')!).fontSize));

describe('language and large-font mode', () => {
  it('switches to English before signing in, keeps it after sign-in and after reload', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await login.chooseLanguage('English');
    expect(await login.heading.innerText()).toBe('Sign in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await login.username.waitFor();
    expect(await login.heading.innerText()).toBe('Sign in');

    await login.signInAs('xicheng');
    const shell = new Shell(page);
    expect(await shell.menuLabels()).toEqual(expect.arrayContaining(['Organisation', 'Accounts', 'About']));
    // antd's own texts follow too (the pagination total is built by antd's locale).
    await page.locator('.ant-pagination').waitFor();
    expect(await page.locator('.ant-pagination-total-text').innerText()).toMatch(/in total/);
    await page.reload();
    await shell.heading.waitFor();
    expect(await shell.heading.innerText()).toBe('Organisation');
    await context.close();
  });

  it('switches to Traditional Chinese when signed in, saved to the account (another browser sees it)', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('zhongcheng');
    const shell = new Shell(page);
    await page.locator('#org-search').fill('xxsq');
    await shell.chooseLanguage('繁體中文');
    expect(await shell.heading.innerText()).toBe('組織架構');
    expect(await page.locator('#org-search').inputValue()).toBe('xxsq');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    await page.reload();
    await shell.heading.waitFor();
    expect(await shell.heading.innerText()).toBe('組織架構');
    expect(await shell.menuLabels()).toEqual(expect.arrayContaining(['組織架構', '帳號管理', '關於']));

    // A fresh browser (no localStorage) signs in and gets the account's language.
    const other = await openPage(e2e.browser, e2e.url);
    const otherLogin = new LoginPage(other.page);
    await otherLogin.goto();
    expect(await otherLogin.heading.innerText()).toBe('登录');
    await otherLogin.signInAs('zhongcheng');
    expect(await new Shell(other.page).menuLabels()).toEqual(expect.arrayContaining(['組織架構', '帳號管理', '關於']));
    await other.context.close();

    // Server messages follow the language as well.
    await shell.chooseLanguage('简体中文');
    expect(await shell.heading.innerText()).toBe('组织架构');
    await context.close();
  });

  it('large-font mode makes text at least 18px, high contrast, and persists after reload', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('jiandu');
    const shell = new Shell(page);
    await new OrgPage(page).waitForTable();
    expect(await bodyFontSize(page)).toBeLessThan(18);
    expect(await cellFontSize(page)).toBeLessThan(18);

    // Switching keeps the page's state (a theme change must not remount the page).
    await page.locator('#org-search').fill('西兴');
    await shell.toggleLargeFont();
    expect(await page.locator('#org-search').inputValue()).toBe('西兴');
    await expect.poll(() => bodyFontSize(page)).toBeGreaterThanOrEqual(18);
    await expect.poll(() => cellFontSize(page)).toBeGreaterThanOrEqual(18);
    expect(await page.evaluate(() => document.documentElement.classList.contains('hm-large'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    expect(await page.locator('#header-large-font').getAttribute('aria-checked')).toBe('true');

    await page.reload();
    await new OrgPage(page).waitForTable();
    await expect.poll(() => cellFontSize(page)).toBeGreaterThanOrEqual(18);

    await shell.toggleLargeFont();
    await expect.poll(() => bodyFontSize(page)).toBeLessThan(18);
    await context.close();
  });

  it('large-font mode chosen on the login page applies there at once', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.toggleLargeFont();
    expect(
      await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#login_username')!).fontSize)),
    ).toBeGreaterThanOrEqual(18);
    await context.close();
  });
});
