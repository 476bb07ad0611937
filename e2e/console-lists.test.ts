import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { attributeOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { sheetRows } from './fixtures/xlsx.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';
import { StudioCommitmentsPage } from './pages/studio-commitments.page.ts';
import { StudioListPage } from './pages/studios.page.ts';

// Lists export what they show, and a refused form marks the field the server named.

const e2e = useE2E();
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function signedInAs(user: DemoUser): Promise<{ page: Page; shell: Shell }> {
  const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: { width: 1280, height: 900 } });
  open.push(() => context.close());
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { page, shell: new Shell(page) };
}

describe('list exports', () => {
  it('the street exports the studios it filtered: a real workbook holding exactly the filtered rows', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('工作室');
    const list = new StudioListPage(page);
    await list.filterStatus('已授牌');
    const listed = (await (await page.request.get('/api/studios?status=active&limit=500')).json()) as {
      items: Array<{ name: string }>;
    };
    const download = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]).then(([d]) => d);
    expect(download.suggestedFilename()).toMatch(/^工作室-西城街道-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheetRows(await download.path());
    expect(rows.map((r) => r['工作室'])).toEqual(listed.items.map((s) => s.name));
    expect(new Set(rows.map((r) => r['状态']))).toEqual(new Set(['已授牌']));
  });
});

/** Presses the list's export button and reads the workbook back. */
async function exported(page: Page, button: string): Promise<{ name: string; rows: Array<Record<string, unknown>> }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), rows: await sheetRows(await download.path()) };
}

describe('more list exports, headed in the reader’s language', () => {
  it('exports the accounts (Chinese headings) and, in English, the needs (English headings)', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await page.goto('/accounts');
    await shell.heading.waitFor();
    const listed = (await (await page.request.get('/api/accounts?limit=100')).json()) as {
      items: Array<{ username: string }>;
    };
    const accounts = await exported(page, '导出 Excel');
    expect(accounts.name).toMatch(/^账号-西城街道-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Object.keys(accounts.rows[0] ?? {})).toEqual(['用户名', '姓名', '角色', '所属单位', '状态', '创建时间']);
    expect(accounts.rows.map((r) => r['用户名']).sort()).toEqual(listed.items.map((a) => a.username).sort());

    await shell.chooseLanguage('English');
    await page.goto('/needs');
    await expect.poll(textOf(shell.heading)).toBe('Residents’ needs');
    const needs = await exported(page, 'Export to Excel');
    expect(needs.name).toMatch(/\.xlsx$/);
    expect(Object.keys(needs.rows[0] ?? {})).toEqual([
      'Recorded on',
      'Unit',
      'Channel',
      'Resident',
      'Phone',
      'Need',
      'Urgency',
      'Service category',
    ]);
    expect(needs.rows.every((r) => typeof r['Need'] === 'string' && r['Need'] !== '')).toBe(true);
    // The values picked from a list read in English too, as the screen beside it shows them.
    expect(needs.rows.length).toBeGreaterThan(0);
    for (const r of needs.rows) {
      expect(['Sentiment diary', 'Opinion survey', 'Home visit']).toContain(r['Channel']);
      expect(['Low', 'Normal', 'Urgent']).toContain(r['Urgency']);
      expect(String(r['Service category'])).not.toMatch(/[\u3400-\u9fff]/);
    }
    await shell.chooseLanguage('简体中文');
  });
});

describe('errors at the field', () => {
  it('the unpaid rule’s refusal marks the promise that mentions a fee, and only that one', async () => {
    const { page } = await signedInAs('zhangwanzhen');
    const mine = (await (await page.request.get('/api/studios?mine=1&status=active')).json()) as {
      items: Array<{ id: number }>;
    };
    await page.goto(`/studios/${mine.items[0]!.id}/commitments`);
    const commitments = new StudioCommitmentsPage(page);
    await commitments.fill([
      { kind: '服务时间', text: '每周六上午在社区活动室开课' },
      { kind: '其他承诺', text: '会员价 9 折优惠价' },
    ]);
    await page.getByRole('main').getByRole('button', { name: '保存草稿' }).click();
    const fee = commitments.row(2).getByRole('textbox', { name: '承诺内容' });
    await expect.poll(attributeOf(fee, 'aria-invalid')).toBe('true');
    await expect.poll(textOf(commitments.row(2))).toContain('工作室为无偿服务');
    expect(await commitments.row(1).getByRole('textbox', { name: '承诺内容' }).getAttribute('aria-invalid')).not.toBe(
      'true',
    );
  });
});
