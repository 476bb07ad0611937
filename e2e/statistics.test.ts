import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { inputValueOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';
import { BulletinPages, DashboardPage } from './pages/statistics.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let shell: Shell;
const scripts: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('admin');
  shell = new Shell(page);
});
afterAll(() => context.close());

describe('统计看板 (district admin)', () => {
  const dashboard = () => new DashboardPage(page);

  it('loads ECharts only with the dashboard, never with the console around it', async () => {
    await shell.open('组织架构');
    expect(scripts.some((u) => /echarts/i.test(u))).toBe(false);
    await shell.open('统计看板');
    await expect.poll(() => dashboard().unit()).toBe('新罗区');
    await expect.poll(() => scripts.some((u) => /echarts/i.test(u))).toBe(true);
  });

  it('drills down to 西城街道 and 西兴社区, and back up by the trail', async () => {
    await dashboard().drillInto(/西城街道/);
    await expect.poll(() => dashboard().unit()).toMatch(/西城街道/);
    await dashboard().drillInto(/西兴社区/);
    await expect.poll(() => dashboard().unit()).toMatch(/西兴社区/);
    await expect.poll(textOf(dashboard().trail)).toMatch(/新罗区.*西城街道.*西兴社区/s);
    await dashboard()
      .trail.getByRole('link', { name: /西城街道/ })
      .click();
    await expect.poll(() => dashboard().unit()).toMatch(/西城街道/);
  });

  it('exports a chart’s data as .xlsx', async () => {
    const download = await dashboard().exportChart('工作室（按状态）');
    expect(download.suggestedFilename()).toMatch(/工作室按状态.*\.xlsx$/);
    expect(await download.failure()).toBeNull();
  });

  it('opens the list behind a figure with the same filters', async () => {
    await dashboard().openFigure('工作室（按状态）', '已授牌');
    await page.getByRole('heading', { level: 1, name: '工作室' }).waitFor();
    expect(page.url()).toMatch(/\/studios\?under=\d+&status=active/);
    // The list opens with the figure's status chosen in its filter.
    await expect.poll(textOf(page.getByRole('search').first().locator('..'))).toContain('已授牌');
  });
});

describe('工作简报', () => {
  const bulletins = () => new BulletinPages(page);

  it('generates the bulletin of a period from the data, in the seed’s sections', async () => {
    await shell.open('工作简报');
    await bulletins().generate('2026-01-01', '2027-01-01');
    const preview = textOf(bulletins().preview());
    await expect.poll(preview).toContain('新罗区“共产党员专业服务工作室”扎实开展党员惠民服务');
    await expect.poll(preview).toContain('访民情、选好人、找准点，组织搭建平台。');
    await expect.poll(preview).toContain('党员张婉珍依托“婉珍文艺专业服务室”');
    await expect.poll(preview).toMatch(/目前共有在岗“共产党员专业服务工作室”\d+个/);
  });

  it('keeps an edited sentence as the next version, its figure still filled in', async () => {
    await bulletins().editOpening('2026年，新罗区共有在岗“共产党员专业服务工作室”{{studiosServing}}个。');
    await expect.poll(textOf(page.getByRole('status'))).toContain('已保存为第 2 稿');
    await expect.poll(textOf(bulletins().preview())).toMatch(/2026年，新罗区共有在岗“共产党员专业服务工作室”\d+个。/);
    await expect.poll(inputValueOf(page.getByLabel('导语'))).toContain('{{studiosServing}}');
  });

  it('downloads the bulletin as Word', async () => {
    const download = await bulletins().downloadWord();
    expect(download.suggestedFilename()).toMatch(/^简报2026年第1期.*\.docx$/);
    expect(await download.failure()).toBeNull();
  });
});
