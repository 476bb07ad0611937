import type { Page } from 'playwright-core';

/**
 * Picks the option whose label contains `label` in the antd Select whose input has `id`, and
 * waits until it shows as chosen. The dropdown fades in; a click during the animation can land
 * beside the option, so the choice is checked and tried again rather than assumed. Options may
 * say more than the label (陈惠敏（舞蹈教师）), so the check matches text, not whole labels; and
 * since a second click on a chosen option of a multiple select takes it off again, a choice
 * already made is never clicked twice.
 */
export async function chooseOption(page: Page, id: string, label: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${id}`) }).first();
  const chosen = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: label }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await chosen.count()) > 0) return;
    await page.locator(`#${id}`).click();
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: label }).first();
    await option.waitFor();
    await option.click();
    try {
      await chosen.waitFor({ timeout: 2000 });
      return;
    } catch {
      // the click missed: open the list and try again
    }
  }
  throw new Error(`could not choose "${label}" in #${id}`);
}
