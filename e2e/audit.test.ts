import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { textOf } from './fixtures/expect.ts';
import { axeViolations } from './fixtures/axe.ts';
import { useE2E } from './fixtures/suite.ts';
import { AuditPage } from './pages/audit.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let audit: AuditPage;

/** Today in the browser's time zone, as the date picker shows it. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

beforeAll(async () => {
  // Something to find: a failed sign-in (with details) before the admin signs in.
  await fetch(`${e2e.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'jiandu', password: 'wrong-Password1' }),
  });
  // And one with a username nobody has.
  await fetch(`${e2e.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nosuchuser', password: 'wrong-Password1' }),
  });
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('admin');
  await new Shell(page).open('审计日志');
  audit = new AuditPage(page);
  await audit.waitForTable();
});
afterAll(() => context.close());

describe('审计日志 (district admin)', () => {
  it('lists sign-ins and the demo data load, newest first', async () => {
    // In words, not codes. The admin's sign-in is among the newest (a start-up job may write
    // after it), and the rows go from the newest down.
    await expect.poll(async () => (await audit.actions()).slice(0, 5)).toContain('登录');
    const times = await audit.times();
    expect(times.length).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort().reverse());
    await expect.poll(() => audit.actions()).toContain('登录失败');
    await expect.poll(() => audit.actions()).toContain('载入演示数据');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('filters by action and by object type', async () => {
    await audit.filter({ action: '登录失败' });
    await expect.poll(async () => new Set(await audit.actions())).toEqual(new Set(['登录失败']));
    // A failed sign-in shows the username that was tried, known or not.
    await expect
      .poll(() => audit.actors())
      .toEqual(expect.arrayContaining(['尝试登录：nosuchuser', '尝试登录：jiandu']));
    await audit.reset();
    await audit.filter({ entity: '系统' });
    await expect.poll(() => audit.actions()).toEqual(['载入演示数据']);
  });

  it('expands a row to show what changed', async () => {
    await audit.reset();
    const details = textOf(await audit.expandFirst('登录失败'));
    await expect.poll(details).toContain('变更前');
    await expect.poll(details).toContain('变更后');
    // The newest failed sign-in: a username nobody has.
    await expect.poll(details).toContain('"username": "nosuchuser"');
  });

  it('filters by date range', async () => {
    await audit.filter({ from: today(), to: today() });
    await expect.poll(async () => (await audit.actions()).length).toBeGreaterThan(0);
    await audit.filter({ from: '2020-01-01', to: '2020-01-31' });
    await expect.poll(() => audit.actions()).toEqual([]);
  });
});
