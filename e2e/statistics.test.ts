import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoPeriod, demoWorld as w } from '../src/db/seed/demo-world.ts';
import { sheetValues } from './fixtures/xlsx.ts';
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
// The server loaded its demo now: the demo period is the twelve months ending with this month.
const period = demoPeriod(new Date().toISOString());

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

  it('shows the seed’s figures for the district over the demo period, its first view', async () => {
    const headline = (item: string) => () => dashboard().figure('主要数据', item);
    await expect.poll(headline('在岗工作室')).toBe(String(w.studiosServing));
    await expect.poll(headline('志愿者')).toBe(String(w.volunteers));
    await expect.poll(headline('签约领岗党员')).toBe(String(w.contractedLeaders));
    await expect.poll(headline('公开承诺')).toBe(String(w.commitments));
    await expect.poll(headline('服务人次')).toBe(String(w.personTimes));
    await expect.poll(headline('法律援助咨询人次')).toBe(String(w.legalAid));
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
    expect(download.suggestedFilename()).toMatch(/工作室（按状态）.*\.xlsx$/);
    expect(await download.failure()).toBeNull();
    // The workbook holds the chart's figures: 西城街道's studios by status, as the table shows them.
    const rows = await sheetValues(await download.path());
    expect(String(rows[0]?.[0])).toContain('西城街道');
    const shown = await dashboard().figure('工作室（按状态）', '已授牌');
    expect(rows.find((r) => r[0] === '已授牌')?.[1]).toBe(Number(shown));
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['已授牌', '整改中', '草稿']));
  });

  it('opens the list behind a figure with the same filters', async () => {
    await dashboard().openFigure('工作室（按状态）', '已授牌');
    await page.getByRole('heading', { level: 1, name: '工作室' }).waitFor();
    expect(page.url()).toMatch(/\/studios\?under=\d+&status=active/);
    // The list opens with the figure's status chosen in its filter.
    await expect.poll(textOf(page.getByRole('search').first().locator('..'))).toContain('已授牌');
  });
});

/** The seed's figures as the bulletin words them (README, "Data the demo ships"). */
const seedFigures = [
  `设置服务类别${w.categories}类`,
  `志愿服务资源${w.volunteers}人（个）`,
  `社区“工作室”${w.studiosCommunity}个`,
  `农村社区和企业“工作室”${w.studiosRuralEnterprise}个`,
  `目前共有${w.contractedLeaders}名领岗党员`,
  `公开承诺服务事项${w.commitments}项`,
  `提供专业服务${w.personTimes}人次`,
  `法律援助咨询等${w.legalAid}人次`,
];

describe('工作简报', () => {
  const bulletins = () => new BulletinPages(page);

  it('generates the bulletin of a period from the data, in the seed’s sections', async () => {
    await shell.open('工作简报');
    await bulletins().generate(period.from, period.to);
    const preview = textOf(bulletins().preview());
    await expect.poll(preview).toContain('新罗区“共产党员专业服务工作室”扎实开展党员惠民服务');
    await expect.poll(preview).toContain('访民情、选好人、找准点，组织搭建平台。');
    await expect.poll(preview).toContain(`目前共有在岗“共产党员专业服务工作室”${w.studiosServing}个`);
    // The seed's figures and its three examples, in its order.
    for (const figure of seedFigures) await expect.poll(preview).toContain(figure);
    await expect.poll(preview).toMatch(/党员蒋来发依托.*党员张婉珍依托“婉珍文艺专业服务室”.*党员张柏先依托/s);
  });

  it('keeps an edited sentence as the next version, its figure still filled in', async () => {
    await bulletins().editOpening('2026年，新罗区共有在岗“共产党员专业服务工作室”{{studiosServing}}个。');
    await expect.poll(textOf(page.getByRole('status'))).toContain('已保存为第 2 稿');
    await expect.poll(textOf(bulletins().preview())).toMatch(/2026年，新罗区共有在岗“共产党员专业服务工作室”\d+个。/);
    await expect.poll(inputValueOf(page.getByLabel('导语'))).toContain('{{studiosServing}}');
  });

  it('downloads the bulletin as Word: the edited sentence and the seed’s figures in the document', async () => {
    const download = await bulletins().downloadWord();
    expect(download.suggestedFilename()).toMatch(/^简报\d{4}年第1期.*\.docx$/);
    expect(await download.failure()).toBeNull();
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`2026年，新罗区共有在岗“共产党员专业服务工作室”${w.studiosServing}个。`);
    for (const figure of seedFigures) expect(text).toContain(figure);
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
  });

  it('downloads the bulletin as PDF: Chinese text and the seed’s figures render', async () => {
    const download = await bulletins().downloadPdf();
    expect(download.suggestedFilename()).toMatch(/^简报\d{4}年第1期.*\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // Text as a reader of the PDF gets it, line breaks and spacing aside.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('简报');
    expect(text).toContain(`新罗区共有在岗“共产党员专业服务工作室”${w.studiosServing}个`);
    for (const figure of seedFigures) expect(text).toContain(figure);
    expect(text).toContain('蒋来发');
    // Its fonts travel with it.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => /\byes\b/.test(line.split(/\s+/).slice(-5, -4)[0] ?? ''))).toBe(true);
  });
});
