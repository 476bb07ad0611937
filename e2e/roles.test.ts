import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, openPage, type DemoUser } from './fixtures/browser.ts';
import { countOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { AccountsPage } from './pages/accounts.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();

/** Checks the menu has `shown` and lacks `hidden` (other features add entries of their own). */
async function expectMenu(shell: Shell, shown: string[], hidden: string[]): Promise<void> {
  await expect.poll(() => shell.menuLabels()).toEqual(expect.arrayContaining(shown));
  // The menu is drawn whole from the account's role, so once it shows those it is complete.
  const labels = await shell.menuLabels();
  for (const label of hidden) expect(labels).not.toContain(label);
}

async function signedInAs(user: DemoUser): Promise<{ page: Page; shell: Shell; close(): Promise<void> }> {
  const { context, page } = await openPage(e2e.browser, e2e.url);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { page, shell: new Shell(page), close: () => context.close() };
}

/** Typing the address of a page the role may not use shows a message, not the data. */
async function expectRefused(page: Page, path: string, testId: string): Promise<void> {
  await page.goto(path);
  await page.getByText('无权访问').first().waitFor();
  await expect.poll(countOf(page.getByTestId(testId))).toBe(0);
}

describe('what each role sees', () => {
  it('district admin: every menu, the whole district in the tree', async () => {
    const { page, shell, close } = await signedInAs('admin');
    await expectMenu(shell, ['组织架构', '账号管理', '审计日志', '关于'], []);
    await expect.poll(textOf(shell.userName)).toBe(demo.admin.displayName);
    await expect.poll(textOf(shell.userUnit)).toContain('新罗区');
    const org = new OrgPage(page);
    await expect.poll(() => org.rootName()).toBe('新罗区');
    await expect.poll(() => org.names()).toContain('东城街道');
    await close();
  });

  it('street admin 西城: own street and 西兴社区, nothing of 东城街道, no audit log', async () => {
    const { page, shell, close } = await signedInAs('xicheng');
    await expectMenu(shell, ['组织架构', '账号管理', '关于'], ['审计日志']);
    await expect.poll(textOf(shell.userUnit)).toContain('西城街道');
    const org = new OrgPage(page);
    await expect.poll(() => org.rootName()).toBe('西城街道');
    await expect.poll(() => org.names()).toContain('西兴社区居委会');
    expect(await org.names()).not.toContain('东城街道');
    // 东门社区 belongs to 东城街道: the search finds nothing outside 西城.
    await org.searchFor('东门');
    await expect.poll(() => org.names()).toEqual([]);

    await shell.open('账号管理');
    const accounts = new AccountsPage(page);
    await expect
      .poll(() => accounts.usernames())
      .toEqual(expect.arrayContaining(['xicheng', 'xixing', 'zhangwanzhen', 'jiandu']));
    const usernames = await accounts.usernames();
    expect(usernames).not.toContain('zhongcheng');
    expect(usernames).not.toContain('admin');

    await expectRefused(page, '/audit', 'audit-table');
    await close();
  });

  it('street admin 中城: does not see 西城街道 or 西兴社区', async () => {
    const { page, close } = await signedInAs('zhongcheng');
    const org = new OrgPage(page);
    await expect.poll(() => org.rootName()).toBe('中城街道');
    await expect.poll(() => org.names()).not.toContain('西兴社区居委会');
    await org.searchFor('xxsq');
    await expect.poll(() => org.names()).toEqual([]);
    await close();
  });

  it('community admin 西兴: own community only, accounts of the community', async () => {
    const { page, shell, close } = await signedInAs('xixing');
    await expectMenu(shell, ['组织架构', '账号管理', '关于'], ['审计日志']);
    const org = new OrgPage(page);
    await expect.poll(() => org.rootName()).toBe('西兴社区');
    await expect.poll(() => org.names()).toEqual(['西兴社区居委会']);
    await shell.open('账号管理');
    const accounts = new AccountsPage(page);
    await expect.poll(async () => (await accounts.usernames()).sort()).toEqual(['xixing', 'zhangwanzhen']);
    await accounts.openCreate();
    expect(await accounts.roleChoices()).toEqual(['领岗党员']);
    await close();
  });

  it('member 张婉珍: only 组织架构 and 关于; account and audit pages refuse', async () => {
    const { page, shell, close } = await signedInAs('zhangwanzhen');
    await expectMenu(shell, ['组织架构', '关于'], ['审计日志', '账号管理']);
    await expect.poll(textOf(shell.userName)).toBe('张婉珍');
    await expect.poll(textOf(shell.userUnit)).toContain('西兴社区居委会');
    await expect.poll(() => new OrgPage(page).rootName()).toBe('西兴社区');
    await expectRefused(page, '/accounts', 'accounts-table');
    await expectRefused(page, '/audit', 'audit-table');
    await close();
  });

  it('supervisor: 我的检查 first, 组织架构 of the street and 关于', async () => {
    const { page, shell, close } = await signedInAs('jiandu');
    await expectMenu(shell, ['组织架构', '我的检查', '关于'], ['审计日志', '账号管理', '季度检查']);
    await page.waitForURL('**/my-inspections');
    await shell.open('组织架构');
    const org = new OrgPage(page);
    await expect.poll(() => org.rootName()).toBe('西城街道');
    await expect.poll(() => org.names()).toContain('西兴社区居委会');
    await close();
  });
});
