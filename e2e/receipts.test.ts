import { describe, expect, it } from 'vitest';
import { axeViolations } from './fixtures/axe.ts';
import { openPage, untilResponse } from './fixtures/browser.ts';
import { inputValueOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { RecordBook } from './pages/delivery.page.ts';
import { dialog } from './pages/overlays.ts';
import { LoginPage } from './pages/login.page.ts';
import { ResidentPages } from './pages/resident.page.ts';
import { Shell } from './pages/shell.page.ts';

// Issue 10, item 13: a walk-in resident rates the service through its 服务回执.

const e2e = useE2E();
const phone = { width: 360, height: 740 };
const overflowsSideways = () => document.documentElement.scrollWidth > window.innerWidth + 1;

describe('a walk-in service rated through its receipt (phones, 360×740)', () => {
  it('the member records a walk-in, shows the receipt QR, the resident rates, and the studio sees the rating', async () => {
    // The member, on her phone, records a home visit given without a request.
    const member = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const login = new LoginPage(member.page);
    await login.goto();
    await login.signInAs('zhangwanzhen');
    const book = new RecordBook(member.page);
    await book.goto();
    const form = await book.openNew();
    await form.fill({ groups: ['老年人'], mode: '上门', content: '上门为独居老人讲解智能手机挂号', personTimes: 1 });
    await form.submit();

    // Right after saving: the receipt, with its QR code, its code and the link the QR holds.
    const receipt = member.page.getByTestId('receipt');
    await receipt.waitFor();
    await member.page.getByRole('heading', { level: 1, name: '记录已保存' }).waitFor();
    await receipt.getByRole('img', { name: /服务回执二维码/ }).waitFor();
    const code = (await receipt.getByTestId('receipt-code').innerText()).replace(/\s+/g, '');
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    const link = (await receipt.getByTestId('receipt-link').getAttribute('href')) ?? '';
    expect(new URL(link).pathname).toBe(`/rate/${code}`);
    await expect.poll(textOf(receipt.getByTestId('receipt-rating'))).toBe('居民还没有评价。');
    await expect.poll(() => member.page.evaluate(overflowsSideways)).toBe(false);
    await expect.poll(() => axeViolations(member.page)).toEqual([]);
    await member.page.screenshot({ path: '/tmp/huimin-e2e-receipt-member.png', fullPage: true });

    // The slip prints as a PDF, A6 or A4.
    for (const name of ['打印回执（A6）', '打印回执（A4）']) {
      const href = (await receipt.getByRole('link', { name }).getAttribute('href')) ?? '';
      const pdf = await member.context.request.get(href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }

    // The resident scans the QR code: the rating page on their own phone, no account.
    const resident = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(resident.page);
    await resident.page.goto(new URL(link).pathname);
    await r.headingIs('评价服务');
    const section = resident.page.getByTestId('rating-section');
    await expect.poll(textOf(section)).toContain('婉珍文艺专业服务室');
    await expect.poll(textOf(section)).toContain('前可以评价，只能评价一次');
    await expect.poll(() => axeViolations(resident.page)).toEqual([]);
    // In large font the form still fits the narrowest phone.
    await r.largeFont.click();
    await expect.poll(() => resident.page.evaluate(overflowsSideways)).toBe(false);
    await r.rate(5, '讲得很耐心，一学就会');
    await resident.page.getByText('感谢您的评价！').waitFor();
    await resident.page.screenshot({ path: '/tmp/huimin-e2e-receipt-rated.png', fullPage: true });

    // A second try, from the service card's QR page by typing the code: one rating per receipt.
    const studioId = (await (await member.context.request.get('/api/records?mine=1&limit=1')).json()) as {
      items: Array<{ studioId: number }>;
    };
    await r.goto(`/s/${studioId.items[0]?.studioId ?? 0}?rate=1`);
    const card = resident.page.getByRole('region', { name: '评价服务' });
    await expect.poll(textOf(card)).toContain('服务回执');
    await card.getByLabel('查询码或评价码').fill(code.toLowerCase());
    await card.getByRole('button', { name: '查找这次服务' }).click();
    await expect.poll(textOf(resident.page.getByTestId('rating-section'))).toContain('这次服务已经评价过。');
    await expect.poll(textOf(resident.page.getByTestId('rating-section'))).toContain('评分：5 星');
    expect(await resident.page.locator('fieldset.r-stars').count()).toBe(0);
    await resident.context.close();

    // The studio sees the rating: on the receipt, and later from the record in the book.
    await receipt.getByRole('button', { name: '刷新评价' }).click();
    await expect.poll(textOf(receipt.getByTestId('receipt-rating'))).toContain('居民已评价：5 星');
    await member.page.getByRole('link', { name: '返回服务记录本' }).click();
    await member.page.waitForURL('**/records');
    await book.card('智能手机挂号').getByRole('button', { name: '服务回执' }).click();
    const shown = dialog(member.page, '服务回执');
    await expect.poll(textOf(shown.getByTestId('receipt-rating'))).toContain('居民已评价：5 星');
    await expect.poll(textOf(shown.getByTestId('receipt-code'))).toBe(code.replace(/(.{4})(?=.)/g, '$1 '));
    await member.context.close();
  });

  it('the district admin shortens how long a receipt is valid on 服务记录设置; the next receipt says so', async () => {
    const admin = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(admin.page);
    await login.goto();
    await login.signInAs('admin');
    await new Shell(admin.page).open('服务记录设置');
    const days = admin.page.getByRole('spinbutton', { name: '服务回执有效期（天）' });
    await expect.poll(inputValueOf(days)).toBe('30');
    await days.fill('3');
    const saved = await untilResponse(
      admin.page,
      (url, method) => url.endsWith('/api/settings/records') && method === 'PUT',
      () => admin.page.getByRole('button', { name: '保存', exact: true }).click(),
    );
    expect(saved.status()).toBe(200);
    await admin.page.getByText('已保存服务记录设置').waitFor();
    // Kept by the server, not only shown: the page opened again reads 3.
    await admin.page.reload();
    await expect.poll(inputValueOf(days)).toBe('3');
    await admin.context.close();

    // The member's next walk-in: its receipt is valid for 3 days from now, not 30.
    const member = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const memberLogin = new LoginPage(member.page);
    await memberLogin.goto();
    await memberLogin.signInAs('zhangwanzhen');
    const book = new RecordBook(member.page);
    await book.goto();
    const form = await book.openNew();
    await form.fill({ groups: ['老年人'], mode: '上门', content: '上门帮老人设置手机大字体', personTimes: 1 });
    const recordedAt = Date.now();
    await form.submit();
    const validity = member.page.getByTestId('receipt').getByText(/前有效，只能评价一次/);
    await expect.poll(textOf(validity)).toMatch(/\d{4}\D\d{2}\D\d{2}/);
    const [, y, m, d] = /(\d{4})\D(\d{2})\D(\d{2})/.exec(await validity.innerText()) ?? [];
    // The day in China three days after the record was saved (either side of a midnight passed meanwhile).
    const chinaDayAfter = (ms: number) => new Date(ms + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    expect([chinaDayAfter(recordedAt), chinaDayAfter(Date.now())]).toContain(`${y}-${m}-${d}`);
    await member.context.close();
  });
});
