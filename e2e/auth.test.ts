import { describe, expect, it } from 'vitest';
import { demo, openPage } from './fixtures/browser.ts';
import { countOf, focusedIdOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { WorkbenchPage } from './pages/workbench.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();

/** The message the API itself gives for a wrong password in a language. */
async function serverMessage(url: string, language: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify({ username: 'nobody-here', password: 'wrong' }),
  });
  return ((await res.json()) as { message: string }).message;
}

describe('signing in and out', () => {
  it('shows the server’s own message for a wrong password, in the chosen language', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('zhongcheng', 'not-the-password');
    await expect.poll(textOf(login.error)).toContain(await serverMessage(e2e.url, 'zh-CN'));

    await login.chooseLanguage('English');
    await login.signIn('zhongcheng', 'still-not-it');
    await page.getByText(await serverMessage(e2e.url, 'en')).waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });

  it('sends a signed-out visitor of any page to the login page, and back there after signing in', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    await page.goto('/about');
    const login = new LoginPage(page);
    await login.username.waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await login.signInAs('admin');
    await new Shell(page).heading.waitFor();
    await expect.poll(() => page.url()).toMatch(/\/about$/);
    await context.close();
  });

  it('signs in with the keyboard alone (Tab, typing, Enter), starting at the skip link', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await page.keyboard.press('Tab');
    const first = () =>
      page.evaluate(() => ({
        cls: document.activeElement?.className ?? '',
        outlined: getComputedStyle(document.activeElement!).outlineStyle !== 'none',
      }));
    await expect.poll(first).toEqual({ cls: expect.stringContaining('hm-skip-link'), outlined: true });

    const focused = focusedIdOf(page);
    for (let i = 0; i < 10 && (await focused()) !== 'login_username'; i++) await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('login_username');
    await page.keyboard.type(demo.xixing.username);
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('login_password');
    await page.keyboard.type('Huimin@2026');
    await page.keyboard.press('Enter');
    const shell = new Shell(page);
    await expect.poll(textOf(shell.userName)).toBe(demo.xixing.displayName);

    // On a freshly loaded page the first Tab reaches the skip link, which leads past
    // header and menu straight into <main>.
    await page.reload();
    await shell.main.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('hm-skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('main');
    await context.close();
  });

  it('signs out to the login page, and the back button shows no data afterwards', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('xicheng');
    const shell = new Shell(page);
    await shell.open('账号管理');
    await page.getByText('zhangwanzhen').waitFor();

    await shell.logout();
    await expect.poll(textOf(login.notice)).toContain('您已安全退出');
    await page.goBack();
    // Back lands on the login page again (not on the list), and shows nothing of it.
    await expect.poll(() => page.url()).toMatch(/\/login$/);
    await login.username.waitFor();
    await expect.poll(countOf(page.getByText('zhangwanzhen'))).toBe(0);
    await expect.poll(countOf(shell.main.and(page.locator('#main')))).toBe(0);

    // The cookie is gone too: the API itself refuses.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await context.close();
  });

  it('goes to the login page with a message when the session ends behind the app’s back', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('admin');
    // Let the first page finish loading, so the click below is what meets the missing session.
    await new WorkbenchPage(page).settled();

    await context.clearCookies();
    await new Shell(page).nav.getByRole('link', { name: '账号管理' }).click();
    await login.username.waitFor();
    await expect.poll(textOf(login.notice)).toContain('登录已失效');
    await expect.poll(countOf(page.getByTestId('accounts-table'))).toBe(0);
    await context.close();
  });
});
