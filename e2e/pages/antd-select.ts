import type { Locator, Page } from 'playwright-core';

/**
 * Opens the list (`open`), clicks the option `optionIn` finds in it, and waits until the antd
 * Select whose input has `id` shows `label` as chosen. The dropdown fades in; a click during the
 * animation can land beside the option, so the choice is checked and tried again rather than
 * assumed. A choice already made is never clicked again: in a multiple select a second click
 * takes it off.
 */
async function pickChecked(
  page: Page,
  id: string,
  label: string,
  open: () => Promise<void>,
  optionIn: (list: Locator) => Locator,
  what: string,
): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${id}`) }).first();
  // Options may say more than the label (陈惠敏（舞蹈教师）), so the check matches text, not whole labels.
  const chosen = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: label }).first();
  for (let attempt = 0; attempt < 4; attempt++) {
    if ((await chosen.count()) > 0) return;
    await open();
    try {
      // Short waits: a list that closed again (its dialog was still opening) is opened anew,
      // rather than waited on for the whole test timeout.
      await optionIn(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last())
        .first()
        .click({ timeout: 3000 });
      await chosen.waitFor({ timeout: 2000 });
      return;
    } catch {
      // the click missed, or the list closed: open it and try again
    }
  }
  throw new Error(`could not choose "${label}" in #${id}${what}`);
}

/**
 * Picks the option containing `label` in the antd Select whose input has `id`. With `exact`,
 * only the option titled exactly `label` (工作室 and not 工作室成员).
 */
export function chooseOption(page: Page, id: string, label: string, options: { exact?: boolean } = {}): Promise<void> {
  const optionIn = (list: Locator) =>
    options.exact
      ? list.locator(`.ant-select-item-option[title="${label}"]`)
      : list.locator('.ant-select-item-option', { hasText: label });
  // Clicking an open list's input closes it: open only a closed one.
  const open = async () => {
    const input = page.locator(`#${id}`);
    if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
  };
  return pickChecked(page, id, label, open, optionIn, '');
}

/** Types `query` (a name or pinyin) into a searchable Select and picks the match containing `label`. */
export function searchAndChoose(page: Page, id: string, query: string, label: string): Promise<void> {
  return pickChecked(
    page,
    id,
    label,
    () => page.locator(`#${id}`).fill(query),
    (list) => list.locator('.ant-select-item-option', { hasText: label }),
    ` by typing "${query}"`,
  );
}
