import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './fixtures/axe.ts';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { countOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { dialogButton } from './pages/overlays.ts';
import { Shell } from './pages/shell.page.ts';
import { StudioDetailPage } from './pages/studio-detail.page.ts';
import { StudioListPage } from './pages/studios.page.ts';

// Two forms where a careless click used to decide for the user: the qualification review came
// with every item passed, and printed QR codes took whatever address the browser had used.
// This server has no public address configured (HUIMIN_PUBLIC_URL unset).
const e2e = useE2E({ HUIMIN_PUBLIC_URL: '' });
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function signedInAs(user: DemoUser): Promise<{ page: Page; shell: Shell }> {
  const { context, page } = await openPage(e2e.browser, e2e.url);
  open.push(() => context.close());
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { page, shell: new Shell(page) };
}

describe('the qualification review (资质把关)', () => {
  it('opens with nothing chosen, refuses to send until every item and the decision are judged', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('资质审核');
    await new StudioListPage(page).open('晓燕心理疏导工作室');
    const detail = new StudioDetailPage(page);
    const form = await detail.open('streetReview');
    await form.getByRole('radio').first().waitFor();
    await expect.poll(countOf(form.getByRole('radio', { checked: true }))).toBe(0);

    // One click on OK sends nothing: each unjudged item and the decision say what they need.
    let sent = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/street-review')) sent++;
    });
    await dialogButton(form, '提交审核意见').click();
    await expect.poll(countOf(form.getByText('请选择“合格”或“不合格”', { exact: true }))).toBe(3);
    await expect.poll(countOf(form.getByText('请选择审核决定', { exact: true }))).toBe(1);
    expect(sent).toBe(0);
    await detail.closeDialog();
    await expect.poll(() => detail.status()).toBe('community_reviewed');

    // Judged item by item, the pass goes through.
    expect(await detail.review({ comment: '材料齐全' })).toBe(200);
    await detail.waitForStatus('approved');
    expect(sent).toBe(1);
  });
});

describe('公开访问地址 (the public address)', () => {
  it('the district admin sets it; until then printing the plaque is refused with a clear message', async () => {
    const { page, shell } = await signedInAs('admin');
    const plaque = async () =>
      page.evaluate(async () => {
        const list = (await (await fetch('/api/studios?status=active&limit=1')).json()) as {
          items: Array<{ id: number }>;
        };
        const res = await fetch(`/api/studios/${list.items[0]?.id}/plaque.pdf`);
        return { status: res.status, code: res.ok ? null : ((await res.json()) as { code: string }).code };
      });
    await shell.open('公开访问地址');
    const current = page.getByTestId('public-address-current');
    await expect.poll(textOf(current)).toContain('尚未设置');
    expect(await plaque()).toEqual({ status: 409, code: 'PUBLIC_URL_NOT_SET' });
    expect(await axeViolations(page)).toEqual([]);

    const address = page.getByRole('textbox', { name: '网址' });
    await address.fill('huimin.xinluo.gov.cn');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('请输入以 http:// 或 https:// 开头、不带“?”和“#”的网址').waitFor();
    await expect.poll(textOf(current)).toContain('尚未设置');

    await address.fill('https://huimin.xinluo.gov.cn/');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(textOf(current)).toBe('当前使用：https://huimin.xinluo.gov.cn（本页设置）');
    expect(await plaque()).toEqual({ status: 200, code: null });

    // The setting is kept: a reload shows it, and it can be cleared again.
    await page.reload();
    await expect.poll(textOf(current)).toBe('当前使用：https://huimin.xinluo.gov.cn（本页设置）');
    await page.getByRole('button', { name: '清除' }).click();
    await expect.poll(textOf(current)).toContain('尚未设置');
    expect(await plaque()).toEqual({ status: 409, code: 'PUBLIC_URL_NOT_SET' });
  });
});
