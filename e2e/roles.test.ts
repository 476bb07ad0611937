import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, openPage, type DemoUser } from './fixtures/browser.ts';
import { useE2E } from './fixtures/suite.ts';
import { AccountsPage } from './pages/accounts.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();

/** Checks the menu has `shown` and lacks `hidden` (other features add entries of their own). */
async function expectMenu(shell: Shell, shown: string[], hidden: string[]): Promise<void> {
  const labels = await shell.menuLabels();
  expect(labels).toEqual(expect.arrayContaining(shown));
  for (const label of hidden) expect(labels).not.toContain(label);
}

async function signedInAs(user: DemoUser): Promise<{ page: Page; shell: Shell; close(): Promise<void> }> {
  const { context, page } = await openPage(e2e.browser, e2e.url);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { page, shell: new Shell(page), close: () => context.close() };
}

describe('what each role sees', () => {
  it('district admin: every menu, the whole district in the tree', async () => {
    const { page, shell, close } = await signedInAs('admin');
    await expectMenu(shell, ['组织架构', '账号管理', '审计日志', '关于'], []);
    expect(await shell.userName.innerText()).toBe(demo.admin.displayName);
    expect(await shell.userUnit.innerText()).toContain('新罗区');
    const org = new OrgPage(page);
    expect(await org.rootName()).toBe('新罗区');
    expect(await org.names()).toContain('东城街道');
    await close();
  });

  it('street admin 西城: own street and 西兴社区, nothing of 东城街道, no audit log', async () => {
    const { page, shell, close } = await signedInAs('xicheng');
    await expectMenu(shell, ['组织架构', '账号管理', '关于'], ['审计日志']);
    expect(await shell.userUnit.innerText()).toContain('西城街道');
    const org = new OrgPage(page);
    expect(await org.rootName()).toBe('西城街道');
    const names = await org.names();
    expect(names).toContain('西兴社区居委会');
    expect(names).not.toContain('东城街道');
    // 东门社区 belongs to 东城街道: the search finds nothing outside 西城.
    expect(await org.searchFor('东门')).toEqual([]);

    await shell.open('账号管理');
    const accounts = new AccountsPage(page);
    const usernames = await accounts.usernames();
    expect(usernames).toEqual(expect.arrayContaining(['xicheng', 'xixing', 'zhangwanzhen', 'jiandu']));
    expect(usernames).not.toContain('zhongcheng');
    expect(usernames).not.toContain('admin');

    // Typing the address of a page the role may not use shows a message, not the data.
    await page.goto('/audit');
    await page.getByText('无权访问').first().waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    await close();
  });

  it('street admin 中城: does not see 西城街道 or 西兴社区', async () => {
    const { page, close } = await signedInAs('zhongcheng');
    const org = new OrgPage(page);
    expect(await org.rootName()).toBe('中城街道');
    expect(await org.names()).not.toContain('西兴社区居委会');
    expect(await org.searchFor('xxsq')).toEqual([]);
    await close();
  });

  it('community admin 西兴: own community only, accounts of the community', async () => {
    const { page, shell, close } = await signedInAs('xixing');
    await expectMenu(shell, ['组织架构', '账号管理', '关于'], ['审计日志']);
    const org = new OrgPage(page);
    expect(await org.rootName()).toBe('西兴社区');
    expect(await org.names()).toEqual(['西兴社区居委会']);
    await shell.open('账号管理');
    const accounts = new AccountsPage(page);
    expect((await accounts.usernames()).sort()).toEqual(['xixing', 'zhangwanzhen']);
    await accounts.openCreate();
    expect(await accounts.roleChoices()).toEqual(['领岗党员']);
    await close();
  });

  it('member 张婉珍: only 组织架构 and 关于; account and audit pages refuse', async () => {
    const { page, shell, close } = await signedInAs('zhangwanzhen');
    await expectMenu(shell, ['组织架构', '关于'], ['审计日志', '账号管理']);
    expect(await shell.userName.innerText()).toBe('张婉珍');
    expect(await shell.userUnit.innerText()).toContain('西兴社区居委会');
    expect(await new OrgPage(page).rootName()).toBe('西兴社区');
    for (const path of ['/accounts', '/audit']) {
      await page.goto(path);
      await page.getByText('无权访问').first().waitFor();
    }
    expect(await page.getByTestId('accounts-table').count()).toBe(0);
    await close();
  });

  it('supervisor: 组织架构 of the street and 关于 only', async () => {
    const { page, shell, close } = await signedInAs('jiandu');
    await expectMenu(shell, ['组织架构', '关于'], ['审计日志', '账号管理']);
    const org = new OrgPage(page);
    expect(await org.rootName()).toBe('西城街道');
    expect(await org.names()).toContain('西兴社区居委会');
    await close();
  });
});
