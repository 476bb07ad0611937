import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { attributeOf, inputValueOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';
import { Shell } from './pages/shell.page.ts';
import { WorkbenchPage } from './pages/workbench.page.ts';

const e2e = useE2E();

const lang = (page: Page) => () => page.evaluate(() => document.documentElement.lang);
const bodyFontSize = (page: Page) => () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const cellFontSize = (page: Page) => () =>
  new OrgPage(page).table.rows
    .first()
    .getByRole('cell')
    .first()
    .evaluate((cell) => parseFloat(getComputedStyle(cell).fontSize));

describe('language and large-font mode', () => {
  it('switches to English before signing in, keeps it after sign-in and after reload', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await expect.poll(lang(page)).toBe('zh-CN');
    await login.chooseLanguage('English');
    await expect.poll(textOf(login.heading)).toBe('Sign in');
    await expect.poll(lang(page)).toBe('en');

    await page.reload();
    await login.username.waitFor();
    await expect.poll(textOf(login.heading)).toBe('Sign in');

    await login.signInAs('xicheng');
    const shell = new Shell(page);
    await expect.poll(() => shell.menuLabels()).toEqual(expect.arrayContaining(['Organisation', 'Accounts', 'About']));
    await shell.open('Organisation');
    // antd's own texts follow too (the pagination total is built by antd's locale).
    const org = new OrgPage(page);
    await org.waitForTable();
    await expect.poll(textOf(org.table.root.getByText(/in total/))).toMatch(/in total/);
    await page.reload();
    await expect.poll(textOf(shell.heading)).toBe('Organisation');
    await context.close();
  });

  it('switches to Traditional Chinese when signed in, saved to the account (another browser sees it)', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('zhongcheng');
    const shell = new Shell(page);
    await shell.open('组织架构');
    const search = new OrgPage(page).search;
    await search.fill('xxsq');
    await shell.chooseLanguage('繁體中文');
    await expect.poll(textOf(shell.heading)).toBe('組織架構');
    await expect.poll(inputValueOf(search)).toBe('xxsq');
    await expect.poll(lang(page)).toBe('zh-TW');
    await page.reload();
    await expect.poll(textOf(shell.heading)).toBe('組織架構');
    await expect.poll(() => shell.menuLabels()).toEqual(expect.arrayContaining(['組織架構', '帳號管理', '關於']));

    // A fresh browser (no localStorage) signs in and gets the account's language.
    const other = await openPage(e2e.browser, e2e.url);
    const otherLogin = new LoginPage(other.page);
    await otherLogin.goto();
    await expect.poll(textOf(otherLogin.heading)).toBe('登录');
    await otherLogin.signInAs('zhongcheng');
    await expect
      .poll(() => new Shell(other.page).menuLabels())
      .toEqual(expect.arrayContaining(['組織架構', '帳號管理', '關於']));
    await other.context.close();

    // Server messages follow the language as well.
    await shell.chooseLanguage('简体中文');
    await expect.poll(textOf(shell.heading)).toBe('组织架构');
    await context.close();
  });

  it('large-font mode makes text at least 18px, high contrast, and persists after reload', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('jiandu');
    const shell = new Shell(page);
    await shell.open('组织架构');
    const org = new OrgPage(page);
    await org.waitForTable();
    await expect.poll(bodyFontSize(page)).toBeLessThan(18);
    await expect.poll(cellFontSize(page)).toBeLessThan(18);

    // Switching keeps the page's state (a theme change must not remount the page).
    await org.search.fill('西兴');
    await shell.toggleLargeFont();
    await expect.poll(inputValueOf(org.search)).toBe('西兴');
    await expect.poll(bodyFontSize(page)).toBeGreaterThanOrEqual(18);
    await expect.poll(cellFontSize(page)).toBeGreaterThanOrEqual(18);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('hm-large'))).toBe(true);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await expect.poll(attributeOf(shell.largeFont, 'aria-checked')).toBe('true');

    await page.reload();
    await org.waitForTable();
    await expect.poll(cellFontSize(page)).toBeGreaterThanOrEqual(18);

    await shell.toggleLargeFont();
    await expect.poll(bodyFontSize(page)).toBeLessThan(18);
    await context.close();
  });

  it('large-font mode chosen on the login page applies there at once', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.toggleLargeFont();
    await expect
      .poll(() => login.username.evaluate((input) => parseFloat(getComputedStyle(input).fontSize)))
      .toBeGreaterThanOrEqual(18);
    await context.close();
  });
});

describe('reduced motion', () => {
  /** How many CSS animations start while the console's language list opens (the login page's is a plain <select>). */
  async function animationsOpeningAList(reducedMotion: 'reduce' | 'no-preference'): Promise<number> {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    try {
      await page.emulateMedia({ reducedMotion });
      const login = new LoginPage(page);
      await login.goto();
      await login.signInAs('xicheng');
      const shell = new Shell(page);
      await new WorkbenchPage(page).settled();
      await page.evaluate(() => {
        const w = window as unknown as { started: number };
        w.started = 0;
        document.addEventListener('animationstart', () => (w.started += 1), true);
      });
      await shell.language.click();
      await page.getByRole('listbox').getByRole('option', { name: 'English' }).waitFor();
      // An animation that starts does so within a frame or two of the list appearing.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return await page.evaluate(() => (window as unknown as { started: number }).started);
    } finally {
      await context.close();
    }
  }

  it('opens lists without animation for a browser that asks for reduced motion, and with it otherwise', async () => {
    expect(await animationsOpeningAList('no-preference')).toBeGreaterThan(0);
    expect(await animationsOpeningAList('reduce')).toBe(0);
  });
});
