import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { NeedsPage, PressingPage } from './pages/needs.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let needs: NeedsPage;

// Three needs as a community admin would note them from a diary and a home visit.
const HEALTH = '我家老人腿脚不便，想请医生上门量血压看病';
const JOB = '下岗了想找份工作，希望有人介绍招聘信息';
const VAGUE = '邻居装修太吵了';

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('xixing');
  needs = new NeedsPage(page);
  await new Shell(page).open('民情需求');
  await needs.waitForTable();
});
afterAll(() => context.close());

describe('民情需求 (community admin)', () => {
  it('suggests 医疗保健 with its confidence while a need is typed, and files it there', async () => {
    const seen = await needs.type(HEALTH);
    expect(seen.askAPerson).toBe(false);
    expect(seen.text).toMatch(/建议类别：\s*医疗保健\s*置信度 \d+%/);
    expect(await needs.chosenCategory()).toBe('医疗保健');
    await needs.submit();
    expect(await needs.categoryOf(HEALTH)).toMatch(/医疗保健 自动分类 · 置信度 \d+%/);
  });

  it('records a second need from a home visit', async () => {
    await needs.channel('入户访谈');
    const seen = await needs.type(JOB);
    expect(seen.text).toContain('就业指导');
    await needs.submit();
    const row = await needs.row(JOB).innerText();
    expect(row).toContain('入户访谈');
    expect(row).toContain('就业指导');
  });

  it('asks a person when unsure; left unchosen, the need waits in the uncategorised queue', async () => {
    const queued = await needs.queueCount();
    const seen = await needs.type(VAGUE);
    expect(seen.askAPerson).toBe(true);
    expect(seen.text).toContain('系统把握不大');
    expect(await needs.chosenCategory()).toBe('');
    await needs.submit();
    expect(await needs.categoryOf(VAGUE)).toContain('待分类');
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="queue-tab"] .ant-badge')?.textContent?.replace(/\D/g, '')) ===
        n + 1,
      queued,
    );
  });

  it('sets the queued need’s category from the queue, which empties it', async () => {
    await needs.showQueue();
    const queued = await needs.queueCount();
    expect(await needs.row(VAGUE).count()).toBe(1);
    await needs.correct(VAGUE, '政策法律咨询');
    expect(await needs.row(VAGUE).count()).toBe(0);
    expect(await needs.queueCount()).toBe(queued - 1);
    await needs.showAll();
    expect(await needs.categoryOf(VAGUE)).toBe('政策法律咨询 人工确定');
  });

  it('corrects a suggested category; the row then says a person set it', async () => {
    await needs.correct(JOB, '创业指导');
    expect(await needs.categoryOf(JOB)).toBe('创业指导 人工确定');
  });
});

describe('最迫切需求 (district admin)', () => {
  it('counts this quarter by category and by street, and drills down to a street’s communities and back', async () => {
    const { context: other, page: adminPage } = await openPage(e2e.browser, e2e.url);
    try {
      const login = new LoginPage(adminPage);
      await login.goto();
      await login.signInAs('admin');
      await new Shell(adminPage).open('最迫切需求');
      const pressing = new PressingPage(adminPage);
      await pressing.settled();
      expect(await pressing.breadcrumb()).toEqual(['新罗区']);
      expect((await pressing.categories()).length).toBeGreaterThan(3);
      const streets = await pressing.units();
      expect(streets).toContain('西城街道');
      expect(await adminPage.getByTestId('pressing-summary').innerText()).toMatch(/新罗区 本期需求/);

      await pressing.drillInto('西城街道');
      expect(await pressing.breadcrumb()).toEqual(['新罗区', '西城街道']);
      expect(await pressing.units()).toContain('西兴社区居委会');
      expect(await adminPage.getByTestId('pressing-summary').innerText()).toMatch(/西城街道 本期需求/);

      await pressing.backTo('新罗区');
      expect(await pressing.breadcrumb()).toEqual(['新罗区']);
      expect(await pressing.units()).toEqual(streets);
    } finally {
      await other.close();
    }
  });
});
