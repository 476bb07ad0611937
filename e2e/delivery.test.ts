import { sheetRows } from './fixtures/xlsx.ts';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, untilResponse, type DemoUser } from './fixtures/browser.ts';
import { countOf, inputValueOf, textOf, textsOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';
import { myRecordCount, RecordBook, RecordFormScreen, RequestsScreen } from './pages/delivery.page.ts';
import { Resident } from './pages/delivery-resident.page.ts';
import { ResidentPages } from './pages/resident.page.ts';
import { dialog, dialogButton } from './pages/overlays.ts';
import { DataTable } from './pages/table.ts';

const e2e = useE2E();
const phone = { width: 390, height: 844 };
const overflowsSideways = () => document.documentElement.scrollWidth > window.innerWidth + 1;

/** A signed-in browser on a phone; also gives the account's unit (西兴社区 for the member). */
async function signedIn(
  user: DemoUser,
  viewport = phone,
): Promise<{ context: BrowserContext; page: Page; unitId: number }> {
  const { context, page } = await openPage(e2e.browser, e2e.url, { viewport });
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  const me = (await (await context.request.get('/api/auth/me')).json()) as { unit: { id: number } };
  return { context, page, unitId: me.unit.id };
}

describe('service delivery on a phone (390×844)', () => {
  // The story names 医疗保健, but in the demo data the nearest 医疗保健 studio to
  // 西兴社区 (来发医疗卫生专业服务室) is run by a member with no login account. The demo member
  // 张婉珍 leads 婉珍文艺专业服务室 (文化宣传) in 西兴社区 itself, so the resident asks for
  // 文化宣传 and the member plays her own part on her phone: the flow is the same.
  it('a resident of 西兴社区 finds the nearest 文化宣传 studio and asks; its member accepts, calls, completes and writes the record; the resident rates it from the tracking page', async () => {
    // The resident, on their own phone without an account, on the resident pages.
    const residentPhone = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(residentPhone.page);
    await r.goto('/find');
    await r.chooseCategory('文化宣传');
    await r.chooseCommunity('find-unit', '西兴', '西兴社区居委会');
    await expect.poll(async () => (await r.foundStudios())[0]?.name).toBe('婉珍文艺专业服务室');
    await residentPhone.page.getByTestId('find-result').first().getByRole('link', { name: /求助/ }).click();
    await r.headingIs('我要求助');
    const code = await r.sendRequest({
      text: '想请老师教社区老人跳广场舞',
      time: '周六上午',
      name: '王秀兰',
      phone: '13800005678',
    });
    await expect.poll(textOf(r.main)).toContain('婉珍文艺专业服务室');

    // The member, on her phone.
    const { context, page } = await signedIn('zhangwanzhen');
    const requests = new RequestsScreen(page);
    await requests.goto();
    await expect.poll(textOf(requests.status(code))).toBe('待接单');
    // Masked until the member asks to call (that read is audited).
    expect(await requests.card(code).innerText()).not.toContain('13800005678');
    await requests.accept(code);
    await expect.poll(textOf(requests.status(code))).toBe('已接单');
    await expect.poll(textOf(await requests.showContact(code))).toContain('13800005678');
    await expect
      .poll(countOf(requests.card(code).getByRole('link').and(page.locator('[href="tel:13800005678"]'))))
      .toBe(1);
    await requests.complete(code);
    await expect.poll(textOf(requests.status(code))).toBe('已完成');
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-delivery-requests.png' });

    // The record starts from the request: its text and category are filled in.
    const form = await requests.writeRecord(code);
    await expect.poll(inputValueOf(form.field('content'))).toBe('想请老师教社区老人跳广场舞');
    await expect.poll(textOf(page.getByTestId('record-studio'))).toContain('婉珍文艺专业服务室');
    await form.fill({ groups: ['老年人', '妇女儿童'], mode: '集体活动', personTimes: 30, duration: 90 });
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-delivery-form.png', fullPage: true });
    await form.submit();
    await page.waitForURL('**/records');

    const book = new RecordBook(page);
    const text = textOf(book.card('广场舞'));
    await expect.poll(text).toContain('30 人次');
    await expect.poll(text).toContain('集体活动');
    await expect.poll(text).toContain('来自居民服务请求');
    await book.addFeedback('广场舞', '老人们已能跟着音乐跳完一整套');
    await page.screenshot({ path: '/tmp/huimin-e2e-delivery-book.png', fullPage: true });
    // The request now says its record is written, and offers no second one.
    await requests.goto();
    await requests.card(code).getByText('已填写服务记录').waitFor();
    await expect.poll(countOf(requests.card(code).getByRole('button', { name: '填写服务记录' }))).toBe(0);

    await context.close();

    // Back on the resident's phone: the tracking page shows it done and takes one rating.
    await r.goto(`/track/${code}`);
    await expect.poll(async () => (await r.trackedStatus()).status).toBe('completed');
    await r.rate(5, '老师很耐心');
    await residentPhone.page.getByText('感谢您的评价！').waitFor();
    await residentPhone.page.screenshot({ path: '/tmp/huimin-e2e-delivery-rated.png', fullPage: true });
    await residentPhone.context.close();
    const tracked = await fetch(`${e2e.url}/api/public/requests/${code}`).then(
      (res) => res.json() as Promise<{ rating: unknown; canRate: boolean }>,
    );
    expect(tracked).toMatchObject({ rating: { score: 5, comment: '老师很耐心' }, canRate: false });
  });

  it('declining with a reason takes the request off the member’s list and passes it on', async () => {
    const { context, page, unitId: xixing } = await signedIn('zhangwanzhen');
    const resident = new Resident(e2e.url, '李建华', '13800007777');
    const asked = await resident.ask(await resident.categoryId('文化宣传'), xixing, '想学书法，周末有没有课');
    const requests = new RequestsScreen(page);
    await requests.goto();
    await requests.card(asked.trackingCode).waitFor();
    await requests.decline(asked.trackingCode, '本周外出培训，无法安排');
    await expect.poll(countOf(requests.card(asked.trackingCode))).toBe(0);
    expect((await resident.track(asked.trackingCode)).status).not.toBe('accepted');
    await context.close();
  });

  it('a record that names a fee is refused with the server’s message, kept, and sent once corrected', async () => {
    const { context, page } = await signedIn('zhangwanzhen');
    const before = await myRecordCount(context.request);
    const book = new RecordBook(page);
    await book.goto();
    const form = await book.openNew();
    // Every field a screen reader reaches has a name (its label, or the group's).
    const unnamed = await form.form
      .locator('input:visible, textarea:visible')
      .evaluateAll((els) =>
        els
          .filter(
            (e) =>
              !(e as HTMLInputElement).labels?.length && !e.getAttribute('aria-label') && !e.closest('[aria-label]'),
          )
          .map((e) => e.outerHTML),
      );
    expect(unnamed).toEqual([]);
    await form.fill({ groups: ['青少年'], content: '书法课，每人收费 20 元' });
    await form.submit();
    await expect.poll(textOf(form.error)).toContain('工作室为无偿服务，不能登记任何收费、价格或报酬');
    // Nothing was lost: the form still holds what was typed.
    await expect.poll(inputValueOf(form.field('content'))).toBe('书法课，每人收费 20 元');
    await form.fill({ content: '书法公益课，讲授楷书基本笔画' });
    await form.submit();
    // A walk-in: its receipt is shown first, then the member goes back to the book.
    await form.leaveReceipt();
    await page.waitForURL('**/records');
    await book.card('楷书基本笔画').waitFor();
    await expect.poll(() => book.queued()).toBe(0);
    await expect.poll(() => myRecordCount(context.request)).toBe(before + 1);
    await context.close();
  });
});

describe('the record book offline', () => {
  it('two records written without a network wait on the phone and reach the server exactly once when it returns', async () => {
    const { context, page } = await signedIn('zhangwanzhen');
    const book = new RecordBook(page);
    await book.goto();
    const before = await myRecordCount(context.request);

    await context.setOffline(true);
    for (const content of ['离线记录一：入户教老人写春联', '离线记录二：社区合唱排练']) {
      const form = await book.openNew();
      await form.offlineBanner.waitFor();
      await form.fill({ groups: ['老年人'], mode: '上门', content });
      await form.submit({ expectPost: false });
      await page.waitForURL('**/records');
    }
    await book.waitForQueued(2);
    await expect.poll(textOf(book.queue)).toContain('2 条记录保存在本机，待发送');
    expect(await myRecordCount(context.request)).toBe(before);
    await page.screenshot({ path: '/tmp/huimin-e2e-delivery-offline.png', fullPage: true });

    await context.setOffline(false);
    await book.queue.waitFor({ state: 'detached' });
    await book.card('离线记录二').waitFor();
    await expect.poll(() => myRecordCount(context.request)).toBe(before + 2);
    await context.close();
  });

  it('a queued record the server refuses stays on the phone with the server’s message until the member fixes it', async () => {
    const { context, page } = await signedIn('zhangwanzhen');
    const book = new RecordBook(page);
    await book.goto();
    const before = await myRecordCount(context.request);

    await context.setOffline(true);
    const form = await book.openNew();
    await form.fill({ groups: ['青少年'], content: '暑期书法班，每人收费 50 元' });
    await form.submit({ expectPost: false });
    await book.waitForQueued(1);
    await context.setOffline(false);

    // Sent when the network is back, refused for the fee: kept, marked, and explained.
    const refused = page.locator('[data-testid="queued-record"][data-state="failed"]');
    await expect.poll(textOf(refused)).toContain('工作室为无偿服务，不能登记任何收费、价格或报酬');
    await expect.poll(() => book.queued()).toBe(1);
    expect(await myRecordCount(context.request)).toBe(before);

    await refused.getByRole('link', { name: '修改后重发' }).click();
    const edit = new RecordFormScreen(page);
    await edit.ready();
    await expect.poll(inputValueOf(edit.field('content'))).toBe('暑期书法班，每人收费 50 元');
    await edit.fill({ content: '暑期书法公益班，学员免费参加' });
    await edit.submit();
    await edit.leaveReceipt();
    await page.waitForURL('**/records');
    await book.card('暑期书法公益班').waitFor();
    await expect.poll(() => book.queued()).toBe(0);
    await expect.poll(() => myRecordCount(context.request)).toBe(before + 1);
    await context.close();
  });

  it('a record whose answer was lost is sent again after a reload and still written once', async () => {
    const { context, page } = await signedIn('zhangwanzhen');
    const book = new RecordBook(page);
    await book.goto();
    const before = await myRecordCount(context.request);

    // The server takes the record, but the connection drops before its answer arrives.
    let dropped = 0;
    await page.route('**/api/records', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
      dropped += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const form = await book.openNew();
    await form.fill({ groups: ['青少年'], content: '答复丢失的记录：青少年书法兴趣班' });
    await form.submit({ expectPost: false });
    await page.waitForURL('**/records');
    await book.waitForQueued(1);
    expect(dropped).toBe(1);
    await expect.poll(() => myRecordCount(context.request)).toBe(before + 1);
    await page.unroute('**/api/records');

    // On reload the app sends its queue again with the same idempotency key.
    await page.reload();
    await book.card('答复丢失的记录').waitFor();
    await expect.poll(() => book.queued()).toBe(0);
    expect(await myRecordCount(context.request)).toBe(before + 1);
    await context.close();
  });

  it('once installed, the console opens without a network and the record form still works', async () => {
    const { context, page } = await signedIn('zhangwanzhen');
    const book = new RecordBook(page);
    await book.goto();
    // The service worker has taken over and cached the shell.
    await page.waitForFunction(
      async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller,
    );
    const manifest = await page.evaluate(
      async () => (await fetch('/manifest.webmanifest')).json() as Promise<{ display: string; icons: unknown[] }>,
    );
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.length).toBeGreaterThan(0);
    const before = await myRecordCount(context.request);

    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.locator('main h1').filter({ hasText: '服务记录本' }).waitFor();
    const form = await book.openNew();
    await form.fill({ groups: ['困难群众'], mode: '电话', content: '离线打开后写的记录：电话回访' });
    await form.submit({ expectPost: false });
    await book.waitForQueued(1);

    await context.setOffline(false);
    await book.queue.waitFor({ state: 'detached' });
    await expect.poll(() => myRecordCount(context.request)).toBe(before + 1);
    await context.close();
  });
});

describe('staff see, correct the record of, export and count the records in their street', () => {
  it('a member corrects a legal-aid record on her phone; the street admin filters it, sees the correction, exports, and counts legal aid by group', async () => {
    // The member's record: 政策法律咨询 for migrant workers and young people, 30 person-times.
    const member = await signedIn('zhangwanzhen');
    const resident = new Resident(e2e.url, '陈阿姨', '13800009999');
    const waiting = await resident.ask(await resident.categoryId('文化宣传'), member.unitId, '想报名参加社区文艺汇演');
    const me = (await (await member.context.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const categories = (await (await member.context.request.get('/api/categories')).json()) as Array<{
      id: number;
      code: string;
    }>;
    const legal = categories.find((c) => c.code === 'legal');
    const studios = (await (await member.context.request.get('/api/studios?mine=1')).json()) as {
      items: Array<{ id: number }>;
    };
    const created = await member.context.request.post('/api/records', {
      headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': 'e2e-legal-aid-record-1' },
      data: {
        studioId: studios.items[0]?.id,
        servedAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationMinutes: 60,
        groups: ['migrant_workers', 'youth'],
        categoryId: legal?.id,
        mode: 'activity',
        content: '为进城务工人员讲解劳动合同',
        personTimes: 30,
      },
    });
    expect(created.status()).toBe(201);

    const book = new RecordBook(member.page);
    await book.goto();
    await book.card('劳动合同').getByRole('link', { name: '更正' }).click();
    const form = new RecordFormScreen(member.page);
    await form.ready();
    await expect.poll(inputValueOf(form.field('personTimes'))).toBe('30');
    await form.fill({ personTimes: 32 });
    await untilResponse(
      member.page,
      (url, method) => /\/api\/records\/\d+$/.test(url) && method === 'PUT',
      () => form.submitButton.click(),
    );
    await member.page.waitForURL('**/records');
    const corrected = textOf(book.card('劳动合同'));
    await expect.poll(corrected).toContain('32 人次');
    await expect.poll(corrected).toContain('已更正 1 次');
    await member.context.close();

    const { context, page } = await signedIn('xicheng', { width: 1280, height: 900 });
    const shell = new Shell(page);
    await expect
      .poll(() => shell.menuLabels())
      .toEqual(expect.arrayContaining(['服务请求', '服务记录本', '法律援助统计']));
    await shell.open('服务记录本');
    const staffBook = new RecordBook(page);
    await staffBook.filter('服务类别', '政策法律咨询');
    await staffBook.filter('服务群体', '进城务工人员');
    await expect.poll(() => staffBook.rows()).toHaveLength(1);
    const rows = await staffBook.rows();
    expect(rows[0]).toContain('劳动合同');
    expect(rows[0]).toContain('张婉珍');

    await staffBook.table.root.getByRole('button', { name: /更正记录/ }).click();
    const revisions = dialog(page, '更正记录');
    const history = revisions.getByTestId('revision');
    await expect.poll(textOf(history.getByRole('row', { name: /服务人次/ }))).toMatch(/30\s+32/);
    await page.screenshot({ path: '/tmp/huimin-e2e-delivery-history.png' });
    await dialogButton(revisions, '关闭').click();
    await revisions.waitFor({ state: 'hidden' });

    // The book counts 人次 of the filtered records, prints, and exports exactly what is filtered.
    await expect.poll(textOf(page.getByTestId('records-totals'))).toContain('共 1 条记录，服务 32 人次');
    await page.getByRole('button', { name: '打印' }).waitFor();
    const download = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]).then(([d]) => d);
    expect(download.suggestedFilename()).toMatch(/^服务记录-西城街道-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await sheetRows(await download.path());
    expect(sheet.map((r) => [r['服务类别'], r['人次']])).toEqual([['政策法律咨询', 32]]);

    await shell.open('法律援助统计', '法律援助咨询统计');
    const table = new DataTable(page, 'legal-aid-table');
    await table.rowsWith('进城务工人员').filter({ hasText: '32' }).waitFor();
    await expect.poll(textOf(table.rowsWith('青少年'))).toMatch(/1\s+32/);
    await expect.poll(textOf(table.rowsWith('台胞侨眷'))).toMatch(/0\s+0/);
    await page.screenshot({ path: '/tmp/huimin-e2e-delivery-legal.png' });

    // The street's requests, filtered to those waiting: the resident's is there, masked.
    await shell.open('服务请求');
    const requests = new RequestsScreen(page);
    await requests.settled();
    await requests.filterStatus('待接单');
    await expect.poll(textOf(requests.card(waiting.trackingCode))).toContain('陈**，138****9999');
    const statuses = textsOf(page.getByTestId('request-status'));
    await expect.poll(async () => new Set(await statuses())).toEqual(new Set(['待接单']));
    await context.close();
  });
});
