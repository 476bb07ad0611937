import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
import { textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';

// The e2e server runs in demo mode (HUIMIN_DEMO=1, as `npm start` does): every page says so.
const e2e = useE2E();
const BANNER = '演示环境：数据均为虚构，演示账号的密码是公开的，请勿录入真实信息。';

describe('a demo instance', () => {
  it('shows the demo banner on the sign-in page, on console pages and on resident pages', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const banner = page.getByRole('complementary', { name: '演示环境' });
    const login = new LoginPage(page);
    await login.goto();
    await expect.poll(textOf(banner)).toBe(BANNER);
    await login.signInAs('xicheng');
    await page.goto('/about');
    await expect.poll(textOf(banner)).toBe(BANNER);
    await page.goto('/find');
    await expect.poll(textOf(banner)).toBe(BANNER);
    await context.close();
  });
});
