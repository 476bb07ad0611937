import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
import { attributeOf, visibilityOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgPage } from './pages/org.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();
const phone = { width: 390, height: 844 };
const overflowsSideways = () => document.documentElement.scrollWidth > window.innerWidth + 1;

describe('on a phone (390×844)', () => {
  it('renders the login page without sideways scrolling and signs in', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const login = new LoginPage(page);
    await login.goto();
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await expect.poll(async () => (await login.submit.boundingBox())?.width).toBeGreaterThan(250);
    await page.screenshot({ path: '/tmp/huimin-e2e-phone-login.png' });

    await login.signInAs('xicheng');
    const shell = new Shell(page);
    // The menu collapses into a drawer behind a labelled button.
    await expect.poll(attributeOf(shell.menuButton, 'aria-expanded')).toBe('false');
    // No side menu: the only complementary region left is the demo instance's banner.
    const regions = page.getByRole('complementary');
    const banner = page.getByRole('complementary', { name: '演示环境' });
    await expect.poll(async () => (await regions.count()) - (await banner.count())).toBe(0);
    const org = new OrgPage(page);
    await org.goto();
    await expect.poll(() => org.rootName()).toBe('西城街道');
    await expect.poll(() => org.names()).toContain('西兴社区居委会');
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-phone-org.png', fullPage: false });

    await shell.menuButton.click();
    const drawer = page.getByRole('dialog', { name: '惠民' });
    await drawer.getByRole('link', { name: '关于' }).click();
    await shell.main.getByRole('heading', { level: 1, name: '关于惠民', exact: true }).waitFor();
    await expect.poll(visibilityOf(page.getByTestId('attribution'))).toBe(true);
    await context.close();
  });
});
