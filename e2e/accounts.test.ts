import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { countOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { AccountsPage } from './pages/accounts.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let accounts: AccountsPage;
const NEW_PASSWORD = 'Xixing#2026a';

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('xicheng');
  await new Shell(page).open('账号管理');
  accounts = new AccountsPage(page);
  await accounts.waitForTable();
});
afterAll(() => context.close());

async function signInStatus(username: string, password: string): Promise<number> {
  const res = await fetch(`${e2e.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

describe('账号管理 (street admin)', () => {
  it('offers only the roles a street admin may hand out', async () => {
    await accounts.openCreate();
    expect(await accounts.roleChoices()).toEqual([
      '街道（乡镇）党工委管理员',
      '社区（村、企业）党组织管理员',
      '领岗党员',
      '群众监督员',
    ]);
    await accounts.cancel();
  });

  it('says what is wrong, in Chinese, before sending a bad username', async () => {
    await accounts.openCreate();
    await accounts.field('用户名').fill('Bad Name');
    await accounts.pressCreate();
    await accounts.dialog.getByText('3–64 位小写字母、数字、下划线、点或连字符').first().waitFor();
    await expect.poll(countOf(accounts.dialog.getByText('此项必填'))).toBeGreaterThan(0);
    await accounts.cancel();
  });

  it('creates a member in 西兴社区, found by typing pinyin initials', async () => {
    await accounts.openCreate();
    await accounts.create({
      username: 'e2e.member',
      displayName: '测试党员',
      password: NEW_PASSWORD,
      role: '领岗党员',
      unitQuery: 'xxsq',
      unitName: '西兴社区居委会',
    });
    await expect.poll(textOf(accounts.row('e2e.member'))).toContain('西兴社区居委会');
    expect(await signInStatus('e2e.member', NEW_PASSWORD)).toBe(200);
  });

  it('shows the server’s message when the username is taken', async () => {
    await accounts.openCreate();
    await accounts.create({
      username: 'e2e.member',
      displayName: '重复',
      password: NEW_PASSWORD,
      role: '领岗党员',
      unitQuery: '西兴',
      unitName: '西兴社区居委会',
    });
    await accounts.dialog.getByText('用户名“e2e.member”已被使用').waitFor();
    await accounts.cancel();
  });

  it('disables an account (it can no longer sign in) and enables it again', async () => {
    await accounts.toggleDisabled('e2e.member');
    await expect.poll(() => accounts.status('e2e.member')).toBe('已停用');
    expect(await signInStatus('e2e.member', NEW_PASSWORD)).not.toBe(200);
    await accounts.toggleDisabled('e2e.member');
    await expect.poll(() => accounts.status('e2e.member')).toBe('正常');
    expect(await signInStatus('e2e.member', NEW_PASSWORD)).toBe(200);
  });

  it('unlocks an account locked by wrong passwords', async () => {
    for (let i = 0; i < 5; i++) await signInStatus('e2e.member', 'wrong-Password1');
    expect(await signInStatus('e2e.member', NEW_PASSWORD)).toBe(401);
    await page.reload();
    await accounts.waitForTable();
    await expect.poll(() => accounts.status('e2e.member')).toBe('已锁定');
    await accounts.unlock('e2e.member');
    await expect.poll(() => accounts.status('e2e.member')).toBe('正常');
    expect(await signInStatus('e2e.member', NEW_PASSWORD)).toBe(200);
  });
});
