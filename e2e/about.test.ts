import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
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
    const health = (await (await fetch(`${e2e.url}/api/health`)).json()) as { appVersion: string };
    await page.getByTestId('app-version').waitFor();
    expect(await page.getByTestId('app-version').innerText()).toBe(health.appVersion);
    const attribution = page.getByTestId('attribution');
    expect(await attribution.isVisible()).toBe(true);
    expect(await attribution.innerText()).toBe(
      '行政区划与坐标数据：Vonng/adcode (CC BY 4.0)；modood/Administrative-divisions-of-China (WTFPL)；统计用区划代码 © 国家统计局',
    );
    expect(await page.getByRole('link', { name: 'Vonng/adcode' }).getAttribute('href')).toBe(
      'https://github.com/Vonng/adcode',
    );
    await context.close();
  });
});
