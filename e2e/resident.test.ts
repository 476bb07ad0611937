import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './fixtures/axe.ts';
import { openPage } from './fixtures/browser.ts';
import { lastSmsCode } from './fixtures/sms-sink.ts';
import { attributeOf, countOf, focusedIdOf, textOf, textsOf, visibilityOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { apiSession, ResidentPages } from './pages/resident.page.ts';

const e2e = useE2E();
const phone = { width: 390, height: 844 };
const overflowsSideways = () => document.documentElement.scrollWidth > window.innerWidth + 1;

async function publicJson<T>(path: string): Promise<T> {
  const response = await fetch(`${e2e.url}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** 西兴社区's id, as a resident's search for it finds it. */
async function xixingId(): Promise<number> {
  const [unit] = await publicJson<Array<{ id: number; name: string }>>('/api/public/units?q=xixing');
  if (unit?.name !== '西兴社区居委会') throw new Error('西兴社区 not found');
  return unit.id;
}

/** The id of 婉珍文艺专业服务室, from 西兴社区's public bulletin board. */
async function wanzhenId(): Promise<number> {
  const board = await publicJson<{ studios: Array<{ id: number; name: string }> }>(
    `/api/public/units/${await xixingId()}/board`,
  );
  const studio = board.studios.find((s) => s.name === '婉珍文艺专业服务室');
  if (!studio) throw new Error('婉珍文艺专业服务室 is not on the board');
  return studio.id;
}

async function categoryId(zhName: string): Promise<number> {
  const found = (await publicJson<Array<{ id: number; name: Record<string, string> }>>('/api/public/categories')).find(
    (c) => c.name['zh-CN'] === zhName,
  );
  if (!found) throw new Error(`no category ${zhName}`);
  return found.id;
}

describe('resident pages on a phone (390×844)', () => {
  it('a resident of 西兴社区 finds the nearest 医疗保健 studio, asks for a service, gets a tracking code and sees the request assigned', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto('/find');
    await expect.poll(textOf(r.heading)).toBe('找附近的工作室');

    await r.chooseCategory('医疗保健');
    await r.chooseCommunity('find-unit', '西兴', '西兴社区居委会');
    await expect
      .poll(async () => (await r.foundStudios())[0])
      .toEqual({ name: '来发医疗卫生专业服务室', distance: expect.stringMatching(/^距离 \d+ 米$/) });
    await expect.poll(visibilityOf(page.locator('.r-map svg[role="img"]'))).toBe(true);
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-find.png', fullPage: true });

    // Asking from the nearest studio's row brings the category and the community along.
    await page.getByTestId('find-result').first().getByRole('link', { name: /求助/ }).click();
    await r.headingIs('我要求助');
    await expect.poll(textOf(page.locator('#ask-category option:checked'))).toBe('医疗保健');
    await expect.poll(textOf(page.getByTestId('chosen-unit'))).toBe('西兴社区居委会');
    const code = await r.sendRequest({
      text: '家里老人行动不便，想请医生上门量血压',
      time: '周六上午',
      name: '王秀兰',
      phone: '13800001234',
    });
    expect(code).toMatch(/^[2-9A-Z]{6,16}$/);
    await expect.poll(textOf(r.main)).toContain('已派给：来发医疗卫生专业服务室');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-ask-sent.png', fullPage: true });

    await page.getByRole('link', { name: '查看进度' }).click();
    await expect.poll(() => r.trackedStatus()).toEqual({ status: 'assigned', text: '已派给工作室，等待接单' });
    await expect.poll(textOf(page.getByTestId('track-studio'))).toContain('来发医疗卫生专业服务室');

    // Later, from the code written on a note: the address alone is enough.
    const later = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r2 = new ResidentPages(later.page);
    await later.page.goto(`/track/${code}`);
    await expect.poll(async () => (await r2.trackedStatus()).status).toBe('assigned');
    await expect.poll(textOf(r2.main)).toContain('王**');
    expect(await r2.main.innerText()).not.toContain('13800001234');
    await expect.poll(countOf(later.page.locator('.r-timeline li'))).toBe(2);
    await later.page.screenshot({ path: '/tmp/huimin-e2e-resident-track.png', fullPage: true });
    await later.context.close();
    await context.close();
  });

  it("finds the nearest studios from the phone's own position (WGS-84, as the browser gives it)", async () => {
    // Standing at 西兴社区's point (stored in GCJ-02 as 117.022888, 25.096784), as GPS reports it.
    const { context, page } = await openPage(e2e.browser, e2e.url, {
      viewport: phone,
      geolocation: { longitude: 117.018009, latitude: 25.099537 },
      permissions: ['geolocation'],
    });
    const r = new ResidentPages(page);
    await r.goto('/find');
    await r.chooseCategory('医疗保健');
    await page.getByRole('button', { name: /使用我的位置/ }).click();
    await expect.poll(async () => (await r.foundStudios())[0]?.name).toBe('来发医疗卫生专业服务室');
    const found = await r.foundStudios();
    // The same distance as from the community's point: the datum was converted, not mixed up (≈ 500 m off otherwise).
    expect(Number(/(\d+)/.exec(found[0]?.distance ?? '')?.[1])).toBeGreaterThan(780);
    expect(Number(/(\d+)/.exec(found[0]?.distance ?? '')?.[1])).toBeLessThan(840);
    await expect.poll(attributeOf(page.getByRole('button', { name: /使用我的位置/ }), 'aria-pressed')).toBe('true');
    await context.close();
  });

  it('the request form says what is missing, and the same request sent twice gives back the first code', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto('/ask');
    await r.main.getByRole('button', { name: '提交求助' }).click();
    await expect.poll(textOf(page.locator('#ask-category-error'))).toContain('请选择服务类别');
    await expect.poll(visibilityOf(page.locator('#ask-text-error'))).toBe(true);
    await expect.poll(visibilityOf(page.locator('#ask-unit-error'))).toBe(true);
    await expect.poll(visibilityOf(page.locator('#ask-phone-error'))).toBe(true);
    // The focus goes to the first field to fix, and each error is tied to its field.
    await expect.poll(focusedIdOf(page)).toBe('ask-category');
    await expect
      .poll(attributeOf(r.main.getByRole('combobox', { name: '服务类别' }), 'aria-describedby'))
      .toBe('ask-category-error');

    await r.chooseCategory('医疗保健');
    await r.chooseCommunity('ask-unit', 'xixing', '西兴社区居委会');
    const request = { text: '想咨询高血压日常饮食注意什么', name: '李建华', phone: '13800002222' };
    const first = await r.sendRequest(request);
    expect(await page.getByTestId('ask-duplicate').count()).toBe(0);

    await page.getByRole('button', { name: '再提一个求助' }).click();
    const again = await r.sendRequest(request);
    expect(again).toBe(first);
    await expect.poll(textOf(page.getByTestId('ask-duplicate'))).toBe('这个求助已经提交过了，下面是原来的查询码。');

    // The code is remembered on this phone for the track page.
    await r.nav.getByRole('link', { name: '查进度' }).click();
    await page.getByRole('link', { name: first }).click();
    await expect.poll(async () => (await r.trackedStatus()).status).toBe('assigned');
    await context.close();
  });

  it("婉珍文艺专业服务室's public page shows its commitments, QR code and members", async () => {
    const id = await wanzhenId();
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto(`/s/${id}`);
    await expect.poll(textOf(r.heading)).toBe('婉珍文艺专业服务室');
    await expect.poll(textOf(page.getByTestId('studio-status'))).toContain('服务中');
    const commitments = textOf(page.getByTestId('commitments'));
    for (const text of [
      '每周二、四晚在西兴社区广场教授广场舞',
      '每月举办 2 次书法绘画公益课',
      '居民预约后 24 小时内答复',
    ])
      await expect.poll(commitments).toContain(text);
    for (const text of ['西兴社区居委会', '文化宣传', '张婉珍', 'XL-2011-0002', '广场舞教学'])
      await expect.poll(textOf(r.main)).toContain(text);
    const qr = page.getByRole('img', { name: /婉珍文艺专业服务室.*二维码/ });
    await qr.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-studio.png', fullPage: true });
    await context.close();
  });

  it("the revoked demo studio's page says it is revoked, and why, and offers no request", async () => {
    const admin = await apiSession(e2e.url, 'admin');
    const { items } = await admin.get<{ items: Array<{ id: number; name: string }> }>('/api/studios?status=revoked');
    const revoked = items[0];
    if (!revoked) throw new Error('the demo data has no revoked studio');
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto(`/s/${revoked.id}`);
    await expect.poll(textOf(r.heading)).toBe(revoked.name);
    const status = textOf(page.getByTestId('studio-status'));
    await expect.poll(status).toContain('已取消牌匾');
    await expect.poll(status).toContain('不再作为共产党员专业服务工作室提供服务');
    await expect.poll(status).toContain('原因：');
    await expect.poll(countOf(r.main.getByRole('link', { name: /求助/ }))).toBe(0);
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-revoked.png', fullPage: true });
    await context.close();
  });

  it("西兴社区's bulletin board lists 婉珍文艺专业服务室 with its commitments and prints as an A4 poster without the navigation", async () => {
    const unitId = await xixingId();
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto(`/board/${unitId}`);
    await expect.poll(textOf(r.heading)).toBe('西兴社区居委会共产党员专业服务工作室公告栏');
    const wanzhen = page.getByTestId('board-studio').filter({ hasText: '婉珍文艺专业服务室' });
    await expect.poll(countOf(wanzhen)).toBe(1);
    for (const c of ['每周二、四晚在西兴社区广场教授广场舞', '每月举办 2 次书法绘画公益课', '居民预约后 24 小时内答复'])
      await expect.poll(textOf(wanzhen)).toContain(c);
    await expect.poll(countOf(wanzhen.getByRole('img', { name: /二维码/ }))).toBe(1);

    await page.emulateMedia({ media: 'print' });
    await expect.poll(visibilityOf(page.locator('header.r-header'))).toBe(false);
    await expect.poll(visibilityOf(page.locator('nav.r-nav'))).toBe(false);
    await expect.poll(visibilityOf(page.getByRole('button', { name: '打印公告栏（A4）' }))).toBe(false);
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // A4 is 210 × 297 mm, 595.3 × 841.9 points; Chromium rounds to whole device pixels.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Math.abs(Number(box?.[1]) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(box?.[2]) - 841.9)).toBeLessThan(1.5);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-board.png', fullPage: true });
    await context.close();
  });

  it('a resident subscribes to 西兴社区 announcements with the code sent to the phone, and unsubscribes the same way', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    const number = '13912345678';
    await r.goto('/sms');
    await expect.poll(textOf(page.locator('#sms-consent-text'))).toContain('随时在本页退订');
    await r.chooseCommunity('sms-unit', 'xixing', '西兴社区居委会');
    const phoneField = r.main.getByRole('textbox', { name: '手机号码' });
    await phoneField.fill(number);
    await page.getByRole('button', { name: '订阅', exact: true }).click();
    await expect.poll(textOf(page.locator('#sms-consent-error'))).toContain('订阅前请勾选同意须知');
    expect(await page.getByTestId('sms-result').count()).toBe(0);

    await page.getByLabel('我已阅读并同意以上须知').check();
    await page.getByRole('button', { name: '订阅', exact: true }).click();
    const codeForm = page.getByTestId('sms-code-form');
    await expect.poll(textOf(codeForm)).toContain('验证码已发送到 139****5678');
    await expect.poll(() => axeViolations(page)).toEqual([]);
    // Not subscribed until the code comes back: a wrong one says how many tries are left.
    const codeField = codeForm.getByRole('textbox', { name: /短信验证码/ });
    await expect.poll(() => lastSmsCode(e2e.server, number)).toMatch(/^\d{6}$/);
    const code = lastSmsCode(e2e.server, number) ?? '';
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await codeForm.getByRole('button', { name: '确认订阅' }).click();
    await expect.poll(textOf(codeForm.getByRole('alert'))).toContain('验证码不正确，还可以再试 4 次');
    await codeField.fill(code);
    await codeForm.getByRole('button', { name: '确认订阅' }).click();
    await expect.poll(textOf(page.getByTestId('sms-result'))).toBe('已为 139****5678 订阅 西兴社区居委会 的服务公告。');
    expect(await r.main.innerText()).not.toContain(number);
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-sms.png', fullPage: true });

    await phoneField.fill(number);
    await page.getByRole('button', { name: '退订' }).click();
    await expect.poll(textOf(codeForm)).toContain('如果 139****5678 订阅了 西兴社区居委会 的服务公告');
    await expect.poll(() => lastSmsCode(e2e.server, number)).not.toBe(code);
    await codeForm.getByRole('textbox', { name: /短信验证码/ }).fill(lastSmsCode(e2e.server, number) ?? '');
    await codeForm.getByRole('button', { name: '确认退订' }).click();
    await expect.poll(textOf(page.getByTestId('sms-result'))).toBe('已为 139****5678 退订 西兴社区居委会 的服务公告。');
    await context.close();
  });

  it('a resident rates a service from the QR code on the service card (?rate=1) with its rating code, once', async () => {
    const studioId = await wanzhenId();
    const member = await apiSession(e2e.url, 'zhangwanzhen');
    const record = await member.post<{ ratingCode: string }>(
      '/api/records',
      {
        studioId,
        servedAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationMinutes: 90,
        groups: ['elderly'],
        categoryId: await categoryId('文化宣传'),
        mode: 'studio',
        content: '书法公益课',
        personTimes: 12,
      },
      { 'idempotency-key': randomUUID() },
    );
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto(`/s/${studioId}?rate=1`);
    const section = page.getByRole('region', { name: '评价服务' });
    await section.getByLabel('查询码或评价码').fill(record.ratingCode.toLowerCase());
    await section.getByRole('button', { name: '查找这次服务' }).click();
    await expect.poll(textOf(page.getByTestId('rating-section'))).toContain('婉珍文艺专业服务室');
    await r.rate(4, '老师讲得很细');
    await page.getByText('感谢您的评价！').waitFor();
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-rated.png', fullPage: true });

    // The same code again: the rating is there, and no second form.
    await r.goto(`/rate/${record.ratingCode}`);
    await page.getByText('这次服务已经评价过。').waitFor();
    await expect.poll(textOf(page.getByTestId('rating-section'))).toContain('评分：4 星');
    expect(await page.locator('fieldset.r-stars').count()).toBe(0);
    await context.close();
  });

  it('a resident rates a completed request once on its tracking page', async () => {
    // Set the scene through the API: a request, accepted and completed by staff in scope.
    const xixing = await xixingId();
    const asked = await fetch(`${e2e.url}/api/public/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryId: await categoryId('医疗保健'),
        text: '请医生讲讲糖尿病饮食',
        unitId: xixing,
        residentName: '陈阿姨',
        residentPhone: '13800003333',
      }),
    });
    const { trackingCode } = (await asked.json()) as { trackingCode: string };
    const admin = await apiSession(e2e.url, 'admin');
    const { items } = await admin.get<{ items: Array<{ id: number; trackingCode: string }> }>(
      '/api/requests?limit=100',
    );
    const request = items.find((i) => i.trackingCode === trackingCode);
    if (!request) throw new Error('the request is not in the admin list');
    await admin.post(`/api/requests/${request.id}/accept`);
    await admin.post(`/api/requests/${request.id}/complete`);

    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto(`/track/${trackingCode}`);
    await expect.poll(async () => (await r.trackedStatus()).status).toBe('completed');
    await r.rate(5, '医生很耐心');
    await page.getByText('感谢您的评价！').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '您的评价' }).waitFor();
    await expect.poll(textOf(r.main)).toContain('评分：5 星');
    expect(await page.locator('fieldset.r-stars').count()).toBe(0);
    await context.close();
  });

  it('switches to English and to large text, keeps both after a reload, and shows server messages in English', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto('/find');
    await r.chooseLanguage('English', 'en');
    await expect.poll(textOf(r.heading)).toBe('Find a studio near you');
    await expect.poll(textsOf(r.nav.getByRole('link'))).toEqual(['Find', 'Ask', 'Track', 'SMS', 'Mailbox']);
    await expect.poll(textsOf(r.main.getByRole('combobox').first().getByRole('option'))).toContain('Health care');

    const large = () => page.evaluate(() => document.documentElement.classList.contains('hm-large'));
    await expect.poll(attributeOf(r.largeFont, 'aria-pressed')).toBe('false');
    await r.largeFont.click();
    await expect.poll(attributeOf(r.largeFont, 'aria-pressed')).toBe('true');
    await expect.poll(large).toBe(true);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('21px');

    await page.reload();
    await r.headingIs('Find a studio near you');
    await expect.poll(large).toBe(true);
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-resident-find-en-large.png', fullPage: true });

    await r.goto(`/s/${await wanzhenId()}`);
    await expect.poll(countOf(page.getByRole('heading', { name: 'Public commitments' }))).toBe(1);
    await expect.poll(textOf(page.getByTestId('studio-status'))).toContain('Serving');

    // An unknown code gets the friendly page, and the server answers in the page's language.
    await page.goto('/track/ZZZZZZ22');
    await expect.poll(textOf(r.gone.getByRole('heading'))).toBe('Tracking code not found');
    await r.gone.getByRole('link', { name: 'Look up by phone number' }).click();
    const lookup = page.getByTestId('phone-lookup');
    await lookup.getByRole('textbox', { name: /Mobile number/ }).fill('13959009999');
    await lookup.getByRole('textbox', { name: /Last four/ }).fill('ZZ22');
    await lookup.getByRole('button', { name: 'Find my request' }).click();
    await expect.poll(textOf(lookup.getByRole('alert'))).toContain('Not found');
    await context.close();
  });

  it('is usable from the keyboard: a skip link first, every field labelled, navigation moves the focus to the page', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto('/ask');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('main input, main select, main textarea')]
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    await r.nav.getByRole('link', { name: '短信订阅' }).focus();
    await page.keyboard.press('Enter');
    await r.headingIs('服务公告短信订阅');
    await expect.poll(focusedIdOf(page)).toBe('main');
    await expect.poll(attributeOf(r.nav.getByRole('link', { name: '短信订阅' }), 'aria-current')).toBe('page');
    await context.close();
  });
});
