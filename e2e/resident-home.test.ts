import { describe, expect, it } from 'vitest';
import { axeViolations } from './fixtures/axe.ts';
import { openPage } from './fixtures/browser.ts';
import { textOf, textsOf, visibilityOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { apiSession, ResidentPages } from './pages/resident.page.ts';

const e2e = useE2E();
const phone = { width: 360, height: 740 };

describe('the resident home and the ways back (phone, 360×740)', () => {
  it('opens at / with every service one tap away and the staff login one link away', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto('/');
    await r.headingIs('便民服务');
    await expect.poll(() => page.title()).toContain('便民服务');
    const tasks = page.getByTestId('home-tasks').getByRole('link');
    await expect
      .poll(() => tasks.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual(['/find', '/ask', '/track', '/sms', '/mailbox']);
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await expect.poll(() => r.scrollWidth()).toBeLessThanOrEqual(360);

    // Each task is one tap away and leads where it says.
    for (const [title, heading] of [
      ['找工作室', '找附近的工作室'],
      ['我要求助', '我要求助'],
      ['查进度', '查询求助进度'],
      ['短信订阅', '服务公告短信订阅'],
      ['监督信箱', '监督信箱'],
    ] as const) {
      await r.goto('/');
      await r.homeTask(title).click();
      await r.headingIs(heading);
      // The brand leads home from every page.
      await page.getByRole('banner').getByRole('link', { name: /惠民/ }).click();
      await r.headingIs('便民服务');
    }

    // In large font on the narrowest phone, nothing scrolls sideways and axe stays clean.
    await r.largeFont.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('hm-large'))).toBe(true);
    await expect.poll(() => r.scrollWidth()).toBeLessThanOrEqual(360);
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await r.largeFont.click();

    // The staff login: one link, a full load of the console's sign-in page.
    await r.main.getByRole('link', { name: '工作人员登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await expect.poll(visibilityOf(new LoginPage(page).username)).toBe(true);

    // In the other two languages too.
    await r.goto('/');
    await r.chooseLanguage('English', 'en');
    await r.headingIs('Services for residents');
    await expect
      .poll(textsOf(page.getByTestId('home-tasks').locator('.r-home-task-title')))
      .toEqual(['Find a studio', 'Ask for help', 'Track a request', 'SMS updates', 'Supervision mailbox']);
    await r.chooseLanguage('繁體中文', 'zh-TW');
    await r.headingIs('便民服務');
    await r.chooseLanguage('简体中文', 'zh-CN');
    await context.close();
  });

  it('answers a studio or a tracking code that does not exist with a friendly page that leads back', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);

    await page.goto('/s/9999');
    await r.headingIs('没有找到这个工作室');
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await r.gone.getByRole('link', { name: '找工作室' }).click();
    await r.headingIs('找附近的工作室');

    await page.goto('/s/9999');
    await r.gone.getByRole('link', { name: '回到首页' }).click();
    await r.headingIs('便民服务');

    await r.goto('/track/ZZZZ9999');
    await expect.poll(textOf(r.gone.getByRole('heading'))).toBe('没有找到这个查询码');
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await r.gone.getByRole('link', { name: '用手机号查' }).click();
    await r.headingIs('查询求助进度');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/track');

    await page.goto('/find/nowhere');
    await r.headingIs('未找到页面');
    await r.gone.getByRole('link', { name: '回到首页' }).click();
    await r.headingIs('便民服务');
    await context.close();
  });
});

async function publicJson<T>(path: string): Promise<T> {
  const response = await fetch(`${e2e.url}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

describe('nobody loses their request (phone, 360×740)', () => {
  it('sends the code by SMS and finds the request again by phone number and the code’s last four characters', async () => {
    const [unit] = await publicJson<Array<{ id: number; name: string }>>('/api/public/units?q=xixing');
    const health = (
      await publicJson<Array<{ id: number; name: Record<string, string> }>>('/api/public/categories')
    ).find((c) => c.name['zh-CN'] === '医疗保健');
    if (!unit || !health) throw new Error('no 西兴社区 or 医疗保健 in the demo data');
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    const ask = new URLSearchParams({ categoryId: String(health.id), unitId: String(unit.id), unitName: unit.name });
    await r.goto(`/ask?${ask.toString()}`);
    const code = await r.sendRequest({ text: '想请医生上门量血压', name: '陈阿婆', phone: '13959001234' });
    await expect.poll(textOf(page.getByTestId('ask-sms-sent'))).toBe('查询码也已用短信发到您的手机。');

    // The SMS waits in the outbox, addressed to the resident, with the code in it.
    const admin = await apiSession(e2e.url, 'admin');
    await expect
      .poll(async () => {
        const { items } = await admin.get<{ items: Array<{ templateId: string; body: string }> }>(
          '/api/outbox?limit=100',
        );
        return items.filter((m) => m.templateId === 'HUIMIN_REQUEST_RECEIVED').map((m) => m.body);
      })
      .toContainEqual(expect.stringContaining(code));

    // A new phone (nothing remembered) and no code at hand: from a wrong code, the way back.
    const other = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const o = new ResidentPages(other.page);
    await o.goto('/track/ZZZZ9999');
    await o.gone.getByRole('link', { name: '用手机号查' }).click();
    const lookup = other.page.getByTestId('phone-lookup');
    await expect.poll(() => other.page.evaluate(() => document.activeElement?.id)).toBe('lookup-phone');

    // A wrong phone number and a wrong code get the same answer.
    const tail = code.slice(-4);
    await lookup.getByRole('textbox', { name: /手机号码/ }).fill('13959009999');
    await lookup.getByRole('textbox', { name: /查询码后四位/ }).fill(tail);
    await lookup.getByRole('button', { name: '查找我的求助' }).click();
    const alert = lookup.getByRole('alert');
    await expect.poll(textOf(alert)).not.toBe('');
    const wrongPhone = await alert.innerText();
    await lookup.getByRole('textbox', { name: /手机号码/ }).fill('13959001234');
    await lookup.getByRole('textbox', { name: /查询码后四位/ }).fill(tail === '2222' ? '3333' : '2222');
    await lookup.getByRole('button', { name: '查找我的求助' }).click();
    await expect.poll(textOf(lookup.getByRole('button'))).toBe('查找我的求助');
    await expect.poll(textOf(alert)).toBe(wrongPhone);
    await expect.poll(() => axeViolations(other.page)).toEqual([]);

    // The right pair opens the request.
    await lookup.getByRole('textbox', { name: /查询码后四位/ }).fill(tail.toLowerCase());
    await lookup.getByRole('button', { name: '查找我的求助' }).click();
    await expect.poll(() => new URL(other.page.url()).pathname).toBe(`/track/${code}`);
    await expect.poll(async () => (await o.trackedStatus()).status).toMatch(/^(assigned|unassigned)$/);
    await other.context.close();
    await context.close();
  });
});
