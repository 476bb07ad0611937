import type { Page } from 'playwright-core';

/**
 * Picks `label` in the antd Select whose input has `id`, and waits until it shows as chosen.
 * The dropdown fades in; a click during the animation can land beside the option, so the
 * choice is checked and tried again rather than assumed.
 */
export async function chooseOption(page: Page, id: string, label: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${id}`) }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(`#${id}`).click();
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: label }).first();
    await option.waitFor();
    await option.click();
    try {
      await select.getByText(label, { exact: true }).first().waitFor({ timeout: 2000 });
      return;
    } catch {
      // the click missed: open the list and try again
    }
  }
  throw new Error(`could not choose "${label}" in #${id}`);
}
