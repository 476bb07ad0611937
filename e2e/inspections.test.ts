import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { axeViolations } from './fixtures/axe.ts';
import { attributeOf, countOf, textOf } from './fixtures/expect.ts';
import { choose } from './pages/antd-select.ts';
import { previousQuarter, quarterOfDay } from '../src/domain/inspections/quarters.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import {
  inspectionOf,
  InspectionPlanScreen,
  MyInspectionsScreen,
  RosterScreen,
  VisitFormScreen,
} from './pages/inspections.page.ts';

const e2e = useE2E();
const phone = { width: 390, height: 844 };
const STUDIO = '婉珍文艺专业服务室';
const overflowsSideways = () => document.documentElement.scrollWidth > window.innerWidth + 1;

async function signedIn(
  user: DemoUser,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openPage(e2e.browser, e2e.url, { viewport });
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { context, page };
}

/** A small photo, as a phone's camera would hand the page one (PNG here; the app turns it into JPEG). */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 40, 30, 255], i);
  return PNG.sync.write(png);
}

describe('quarterly inspections by a citizen supervisor', () => {
  let inspectionId = 0;

  it('jiandu fills this quarter’s inspection on a phone without a network; back online it is submitted once', async () => {
    const { context, page } = await signedIn('jiandu', phone);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/inspections\/\d+\/submit$/.test(r.url())) posts.push(r.url());
    });
    const mine = new MyInspectionsScreen(page);
    await mine.goto();
    await expect.poll(textOf(mine.status(STUDIO))).toBe('待检查');
    inspectionId = Number(await mine.card(STUDIO).getAttribute('data-id'));
    expect(inspectionId).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);

    // The supervisor has used the app in signal before: the service worker keeps the console.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await mine.list.waitFor();

    // No signal in the studio: the form opens, is filled and kept on the phone.
    await context.setOffline(true);
    const form = await mine.start(STUDIO);
    await form.offlineBanner.waitFor();
    await form.rate('承诺事项公开上墙', 'C（一般）');
    await form.note('承诺事项公开上墙', '承诺牌被柜子挡住一半');
    await form.rate('按承诺时间开放', '不合格');
    await form.note('按承诺时间开放', '周三下午到访时未开门');
    // Kept as it is filled: a reload without a network (the phone killed the tab) loses nothing.
    await expect.poll(() => form.draftRatings()).toBe(2);
    await expect.poll(() => form.draftNotes()).toContain('周三下午到访时未开门');
    await page.reload();
    await form.ready();
    await form.checked('按承诺时间开放', '不合格').waitFor({ state: 'attached' });
    await form.checked('承诺事项公开上墙', 'C（一般）').waitFor({ state: 'attached' });
    await form.rate('服务记录本填写完整', 'C（一般）');
    await form.rate('便民服务卡发放', 'B（较好）');
    await form.rate('群众评价', 'C（一般）');
    await expect.poll(textOf(form.total)).toBe('预计得分：29.7%');
    await form.addPhoto('door.png', photo());
    await form.confirm();
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-inspection-form.png', fullPage: true });
    await form.submit({ expectPost: false });
    await page.waitForURL('**/my-inspections');
    await mine.waitForQueued(1);
    await expect.poll(textOf(mine.status(STUDIO))).toBe('待提交');
    await expect.poll(textOf(mine.queueCount)).toBe('1 份检查保存在本机，待提交');
    expect((await inspectionOf(context.request, inspectionId)).status).toBe('planned');

    // Back in signal: sent by itself, once.
    await context.setOffline(false);
    await mine.queue.waitFor({ state: 'detached' });
    await expect.poll(textOf(mine.status(STUDIO))).toBe('已提交');
    const done = await inspectionOf(context.request, inspectionId);
    expect(done).toMatchObject({ status: 'submitted', total: 29.7 });
    expect(done.photos).toHaveLength(1);
    expect(done.history.filter((h) => h.action === 'submit')).toHaveLength(1);
    expect(posts).toHaveLength(1);
    // Going on- and offline again sends nothing more: the phone's queue is empty.
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(countOf(mine.queue)).toBe(0);
    expect(posts).toHaveLength(1);

    // Within 48 hours the supervisor may correct it (online, kept in its history).
    await mine
      .card(STUDIO)
      .getByRole('link', { name: `查看 ${STUDIO}` })
      .click();
    await page.getByRole('link', { name: '更正' }).click();
    const correction = new VisitFormScreen(page);
    await correction.ready();
    await correction.checked('按承诺时间开放', '不合格').waitFor({ state: 'attached' });
    await correction.note('群众评价', '居民反映找不到人');
    await correction.confirm();
    await correction.saveCorrection();
    await page.getByTestId('inspection-detail').getByText('居民反映找不到人').waitFor();
    const corrected = await inspectionOf(context.request, inspectionId);
    expect(corrected).toMatchObject({ status: 'corrected', total: 29.7 });
    expect(corrected.history.filter((h) => h.action === 'correct')).toHaveLength(1);
    expect(corrected.photos).toHaveLength(1);
    await context.close();
  });

  it('西城街道 sees the inspection with its photo and confirms the rectification it proposes', async () => {
    const { context, page } = await signedIn('xicheng');
    const plan = new InspectionPlanScreen(page);
    await plan.goto();
    await expect.poll(textOf(plan.row(STUDIO))).toContain('已更正');
    await expect.poll(textOf(plan.row(STUDIO))).toContain('29.7%');
    await expect.poll(textOf(plan.coverage)).toContain('西城街道');
    expect(await axeViolations(page)).toEqual([]);

    const detail = await plan.open(STUDIO);
    await expect.poll(textOf(detail.total)).toBe('29.7%');
    await expect.poll(countOf(detail.photos)).toBe(1);
    await expect.poll(textOf(detail.root)).toContain('周三下午到访时未开门');
    await expect.poll(textOf(detail.proposal)).toContain('待确认');
    expect(await axeViolations(page)).toEqual([]);
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await detail.confirmProposal(deadline, '按承诺时间开放，补齐服务记录');
    await expect.poll(textOf(detail.proposal)).toContain('已确认整改');
    await expect.poll(textOf(detail.proposal)).toContain(deadline);
    await page.screenshot({ path: '/tmp/huimin-e2e-inspection-detail.png', fullPage: true });

    const studios = (await (await context.request.get('/api/studios?limit=100')).json()) as {
      items: { name: string; status: string }[];
    };
    expect(studios.items.find((s) => s.name === STUDIO)?.status).toBe('rectification');
    await context.close();
  });

  it('the district sees every street’s 三率 and inspection coverage for a quarter on one page', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto('/supervision-overview');
    await page.getByRole('heading', { level: 1, name: '监督总览：三率与检查覆盖' }).waitFor();
    const table = page.getByTestId('overview-table');
    const xicheng = table.getByRole('row', { name: /西城街道/ });
    // Street, letters, 响应率, 解决率, 满意率, 综合, studios to inspect, inspected, coverage, overdue.
    await expect.poll(textOf(xicheng.getByRole('cell').nth(7))).toBe('1');
    await expect.poll(textOf(xicheng.getByRole('cell').nth(8))).toMatch(/%$/);
    await expect.poll(textOf(page.getByTestId('overview-uninspected'))).not.toContain(STUDIO);
    expect(await axeViolations(page)).toEqual([]);

    // The quarter before: nobody had inspected anything yet.
    const before = previousQuarter(quarterOfDay(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)));
    await choose(page.getByRole('combobox', { name: '季度' }), before, { exact: true });
    // useLoad marks what it loaded with its key and a counter: `2026-Q3#0`.
    await expect.poll(attributeOf(table, 'data-loaded')).toMatch(new RegExp(`^${before}#`));
    await expect.poll(textOf(table.getByRole('row', { name: /合计/ }).getByRole('cell').nth(7))).toBe('0');
    await context.close();
  });

  it('the roster, the proposals and the checklist pages are axe-clean', async () => {
    const street = await signedIn('xicheng');
    await street.page.goto('/supervisors');
    await street.page.getByTestId('supervisors-table').getByRole('cell', { name: '林秀琴', exact: true }).waitFor();
    // The phone is masked until asked for (an audited read).
    const row = street.page.getByTestId('supervisors-table').getByRole('row', { name: /林秀琴/ });
    await expect.poll(textOf(row)).not.toContain('13905970301');
    await row.getByRole('button', { name: '查看电话 林秀琴' }).click();
    await expect.poll(textOf(row)).toContain('13905970301');
    expect(await axeViolations(street.page)).toEqual([]);
    await street.page.goto('/rectification-proposals');
    await street.page.getByTestId('proposals-table').waitFor();
    expect(await axeViolations(street.page)).toEqual([]);
    await street.context.close();

    const district = await signedIn('admin');
    await district.page.goto('/inspection-checklist');
    await district.page.getByTestId('checklist-version').waitFor();
    expect(await axeViolations(district.page)).toEqual([]);
    await district.context.close();
  });

  it('西城街道 appoints a second supervisor, renews and dismisses; the phone stays masked', async () => {
    const { context, page } = await signedIn('xicheng');
    const me = (await (await context.request.get('/api/auth/me')).json()) as {
      csrfToken: string;
      unit: { id: number };
    };
    const created = await context.request.post('/api/accounts', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        username: 'jiandu2',
        displayName: '陈建国',
        password: 'Huimin@2026-jd2',
        role: 'supervisor',
        unitId: me.unit.id,
      },
    });
    expect(created.status()).toBe(201);

    const roster = new RosterScreen(page);
    await roster.goto();
    await roster.appoint({ account: '陈建国', phone: '13905970302', community: '西兴社区居委会', card: 'JD-XC-002' });
    const row = roster.row('陈建国');
    await expect.poll(textOf(row)).toContain('在任');
    await expect.poll(textOf(row)).toContain('JD-XC-002');
    expect(await row.innerText()).not.toContain('13905970302');
    await expect.poll(textOf(row)).toContain('139****0302');

    await roster.act('陈建国', '续聘');
    await expect.poll(textOf(row)).toContain('在任');
    await roster.act('陈建国', '解聘', (d) => d.getByLabel('解聘原因').fill('本人搬离辖区'));
    await expect.poll(textOf(row)).toContain('已解聘');
    await expect.poll(textOf(row)).toContain('本人搬离辖区');
    await expect.poll(countOf(row.getByRole('button', { name: '解聘 陈建国' }))).toBe(0);
    await context.close();
  });
});
