import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';
import { DataTable } from './pages/table.ts';
import { axeViolations } from './fixtures/axe.ts';

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

describe('a unit’s page', () => {
  it('shows each search result’s path, and opens a unit from the results with its trail and counts', async () => {
    await org.goto();
    await org.searchFor('西兴');
    const row = org.table.rowWithCell('西兴社区居委会');
    await expect.poll(() => org.table.cell(row, '所在位置')).toBe('西城街道 › 西兴社区');
    await row.getByRole('link', { name: '西兴社区居委会' }).click();
    await page.getByRole('heading', { level: 1, name: '西兴社区居委会' }).waitFor();
    const trail = page.getByRole('navigation', { name: '单位层级' });
    await expect.poll(() => trail.getByRole('link').allInnerTexts()).toEqual(['组织架构', '新罗区', '西城街道']);
    await expect.poll(() => page.title()).toContain('西兴社区居委会');
    await expect.poll(() => axeViolations(page)).toEqual([]);
    const studios = page.getByRole('heading', { level: 2, name: /^工作室（\d+）$/ });
    await studios.waitFor();
    const count = Number((await studios.innerText()).match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await page.getByRole('link', { name: `查看全部 ${count} 个工作室` }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/studios');
    await expect.poll(() => new URL(page.url()).searchParams.get('under')).toMatch(/^\d+$/);
    await page.goBack();
    await trail.getByRole('link', { name: '西城街道' }).click();
    await page.getByRole('heading', { level: 1, name: '西城街道' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^人员（\d+）$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^民情需求（\d+）$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^服务场所（\d+）$/ }).waitFor();
  });

  it('opens from the tree, and its needs link lists that unit’s needs only', async () => {
    await org.goto();
    await org.expand('西城街道');
    await org.select('西兴社区');
    await page.getByRole('link', { name: '查看“西兴社区”概况' }).click();
    const needs = page.getByRole('heading', { level: 2, name: /^民情需求（\d+）$/ });
    await needs.waitFor();
    await page.getByRole('link', { name: /^查看全部 \d+ 条需求$/ }).click();
    await page.getByText('只看：西兴社区居委会').waitFor();
    const list = new DataTable(page, 'needs-table');
    await list.settled();
    await expect.poll(async () => [...new Set(await list.column('单位'))]).toEqual(['西兴社区居委会']);
    await expect.poll(() => axeViolations(page)).toEqual([]);
  });
});
