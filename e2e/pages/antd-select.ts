import type { Page } from 'playwright-core';

/**
 * Picks the option whose label contains `label` in the antd Select whose input has `id`, and
 * waits until it shows as chosen. The dropdown fades in; a click during the animation can land
 * beside the option, so the choice is checked and tried again rather than assumed. Options may
 * say more than the label (陈惠敏（舞蹈教师）), so the check matches text, not whole labels; and
 * since a second click on a chosen option of a multiple select takes it off again, a choice
 * already made is never clicked twice. With `exact`, only the option titled exactly `label` is
 * clicked (工作室 and not 工作室成员).
 */
export async function chooseOption(page: Page, id: string, label: string, options: { exact?: boolean } = {}): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${id}`) }).first();
  const chosen = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: label }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await chosen.count()) > 0) return;
    await page.locator(`#${id}`).click();
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    const option = (options.exact ? list.locator(`.ant-select-item-option[title="${label}"]`) : list.locator('.ant-select-item-option', { hasText: label })).first();
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

/**
 * Types `query` into the searchable antd Select whose input has `id` (a name or pinyin) and picks
 * the option containing `label` among the matches, checked and retried like chooseOption.
 */
export async function searchAndChoose(page: Page, id: string, query: string, label: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${id}`) }).first();
  const chosen = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: label }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(`#${id}`).fill(query);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option', { hasText: label }).first();
    await option.waitFor();
    await option.click();
    try {
      await chosen.waitFor({ timeout: 2000 });
      return;
    } catch {
      // the click missed: search again
    }
  }
  throw new Error(`could not choose "${label}" in #${id} by typing "${query}"`);
}
