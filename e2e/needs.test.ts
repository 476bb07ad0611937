import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { countOf, textOf } from './fixtures/expect.ts';
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
    await needs.type(HEALTH);
    await expect
      .poll(() => needs.suggested())
      .toEqual({ askAPerson: false, text: expect.stringMatching(/建议类别：\s*医疗保健\s*置信度 \d+%/) });
    await expect.poll(() => needs.chosenCategory()).toBe('医疗保健');
    await needs.submit();
    await expect.poll(() => needs.categoryOf(HEALTH)).toMatch(/医疗保健 自动分类 · 置信度 \d+%/);
  });

  it('records a second need from a home visit', async () => {
    await needs.channel('入户访谈');
    await needs.type(JOB);
    await expect.poll(async () => (await needs.suggested()).text).toContain('就业指导');
    await needs.submit();
    const row = textOf(needs.row(JOB));
    await expect.poll(row).toContain('入户访谈');
    await expect.poll(row).toContain('就业指导');
  });

  it('asks a person when unsure; left unchosen, the need waits in the uncategorised queue', async () => {
    const queued = await needs.queueCount();
    await needs.type(VAGUE);
    await expect
      .poll(() => needs.suggested())
      .toEqual({ askAPerson: true, text: expect.stringContaining('系统把握不大') });
    await expect.poll(() => needs.chosenCategory()).toBe('');
    await needs.submit();
    await expect.poll(() => needs.categoryOf(VAGUE)).toContain('待分类');
    await expect.poll(() => needs.queueCount()).toBe(queued + 1);
  });

  it('sets the queued need’s category from the queue, which empties it', async () => {
    await needs.showQueue();
    const queued = await needs.queueCount();
    await expect.poll(countOf(needs.row(VAGUE))).toBe(1);
    await needs.correct(VAGUE, '政策法律咨询');
    await expect.poll(countOf(needs.row(VAGUE))).toBe(0);
    await expect.poll(() => needs.queueCount()).toBe(queued - 1);
    await needs.showAll();
    await expect.poll(() => needs.categoryOf(VAGUE)).toBe('政策法律咨询 人工确定');
  });

  it('corrects a suggested category; the row then says a person set it', async () => {
    await needs.correct(JOB, '创业指导');
    await expect.poll(() => needs.categoryOf(JOB)).toBe('创业指导 人工确定');
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
      const summary = textOf(adminPage.getByTestId('pressing-summary'));
      await expect.poll(() => pressing.trail()).toEqual(['新罗区']);
      await expect.poll(async () => (await pressing.categoryNames()).length).toBeGreaterThan(3);
      await expect.poll(() => pressing.unitNames()).toContain('西城街道');
      const streets = await pressing.unitNames();
      await expect.poll(summary).toMatch(/新罗区 本期需求/);

      await pressing.drillInto('西城街道');
      await expect.poll(() => pressing.trail()).toEqual(['新罗区', '西城街道']);
      await expect.poll(() => pressing.unitNames()).toContain('西兴社区居委会');
      await expect.poll(summary).toMatch(/西城街道 本期需求/);

      await pressing.backTo('新罗区');
      await expect.poll(() => pressing.trail()).toEqual(['新罗区']);
      await expect.poll(() => pressing.unitNames()).toEqual(streets);
    } finally {
      await other.close();
    }
  });
});
