import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
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
    expect(await page.evaluate(overflowsSideways)).toBe(false);
    const box = await login.submit.boundingBox();
    expect(box?.width).toBeGreaterThan(250);
    await page.screenshot({ path: '/tmp/huimin-e2e-phone-login.png' });

    await login.signInAs('xicheng');
    const shell = new Shell(page);
    // The menu collapses into a drawer behind a labelled button.
    expect(await page.locator('aside.ant-layout-sider').count()).toBe(0);
    expect(await shell.menuButton.getAttribute('aria-expanded')).toBe('false');
    const org = new OrgPage(page);
    expect(await org.rootName()).toBe('西城街道');
    expect(await org.names()).toContain('西兴社区居委会');
    expect(await page.evaluate(overflowsSideways)).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-phone-org.png', fullPage: false });

    await shell.menuButton.click();
    const drawer = page.locator('#hm-nav-drawer');
    await drawer.getByRole('link', { name: '关于' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '关于惠民');
    expect(await page.getByTestId('attribution').isVisible()).toBe(true);
    await context.close();
  });
});
