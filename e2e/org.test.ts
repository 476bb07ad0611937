import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let org: OrgPage;

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('admin');
  org = new OrgPage(page);
  await org.goto();
});
afterAll(() => context.close());

describe('组织架构', () => {
  it('finds 西兴社区 by its initials, its full pinyin and its Chinese name', async () => {
    for (const query of ['xxsq', 'xixing', '西兴']) {
      await org.searchFor(query);
      await expect.poll(() => org.names()).toContain('西兴社区居委会');
    }
    await org.search.fill('');
    await org.waitForTable();
  });

  it('loads a street’s communities when its branch opens, and lists the selected unit’s subtree', async () => {
    await org.expand('西城街道');
    await org.node('西兴社区').waitFor();
    await org.select('西兴社区');
    await expect.poll(() => org.names()).toEqual(['西兴社区居委会']);
    const row = textOf(org.table.rows.first());
    await expect.poll(row).toContain('社区');
    await expect.poll(row).toContain('点');
  });

  it('shows level and post kind (中心/站/点) in words', async () => {
    await org.select('新罗区');
    const first = textOf(org.table.rows.first());
    await expect.poll(first).toContain('新罗区');
    await expect.poll(first).toContain('中心');
    const second = textOf(org.table.rows.nth(1));
    await expect.poll(second).toContain('街道');
    await expect.poll(second).toContain('站');
  });

  it('pages through a large subtree', async () => {
    await expect.poll(() => org.table.total()).toBeGreaterThan(300);
    const before = await org.names();
    await org.table.reloadedBy(() => org.table.root.getByRole('listitem', { name: '2', exact: true }).click());
    await expect.poll(() => org.names()).toHaveLength(20);
    await expect.poll(async () => (await org.names())[0]).not.toBe(before[0]);
  });
});
