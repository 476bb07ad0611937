import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
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
  await org.waitForTable();
});
afterAll(() => context.close());

describe('组织架构', () => {
  it('finds 西兴社区 by its initials, its full pinyin and its Chinese name', async () => {
    expect(await org.searchFor('xxsq')).toContain('西兴社区居委会');
    expect(await org.searchFor('xixing')).toContain('西兴社区居委会');
    expect(await org.searchFor('西兴')).toContain('西兴社区居委会');
    await org.search.fill('');
    await org.waitForTable();
  });

  it('loads a street’s communities when its branch opens, and lists the selected unit’s subtree', async () => {
    await org.expand('西城街道');
    await org.tree.locator('.hm-tree-name:text-is("西兴社区")').waitFor();
    await org.select('西兴社区');
    expect(await org.names()).toEqual(['西兴社区居委会']);
    const row = org.table.locator('tbody tr.ant-table-row').first();
    expect(await row.innerText()).toContain('社区');
    expect(await row.innerText()).toContain('点');
  });

  it('shows level and post kind (中心/站/点) in words', async () => {
    await org.select('新罗区');
    const first = await org.table.locator('tbody tr.ant-table-row').first().innerText();
    expect(first).toContain('新罗区');
    expect(first).toContain('中心');
    const second = await org.table.locator('tbody tr.ant-table-row').nth(1).innerText();
    expect(second).toContain('街道');
    expect(second).toContain('站');
  });

  it('pages through a large subtree', async () => {
    const total = await page.locator('.ant-pagination-total-text').innerText();
    expect(Number(/\d+/.exec(total)?.[0])).toBeGreaterThan(300);
    const before = await org.names();
    const answered = page.waitForResponse((r) => r.url().includes('offset=20'));
    await page.locator('.ant-pagination-item-2').click();
    await answered;
    const after = await org.names();
    expect(after).toHaveLength(20);
    expect(after[0]).not.toBe(before[0]);
  });
});
