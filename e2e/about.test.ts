import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
import { attributeOf, textOf, visibilityOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();

describe('关于', () => {
  it('shows what Huimin is, the running version and the data attribution', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('zhangwanzhen');
    const shell = new Shell(page);
    await shell.open('关于', '关于惠民');
    const health = (await (await fetch(`${e2e.url}/api/health`)).json()) as { appVersion: string; runsFrom: string };
    // `npm run test:e2e` builds first, so every page here is served by the bundled server.
    expect(health.runsFrom).toBe('bundle');
    await expect.poll(textOf(page.getByTestId('app-version'))).toBe(health.appVersion);
    const attribution = page.getByTestId('attribution');
    await expect.poll(visibilityOf(attribution)).toBe(true);
    await expect
      .poll(textOf(attribution))
      .toBe(
        '行政区划与坐标数据：Vonng/adcode (CC BY 4.0)；modood/Administrative-divisions-of-China (WTFPL)；统计用区划代码 © 国家统计局',
      );
    await expect
      .poll(attributeOf(page.getByRole('link', { name: 'Vonng/adcode' }), 'href'))
      .toBe('https://github.com/Vonng/adcode');
    await context.close();
  });
});
