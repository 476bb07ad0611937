import type { Locator } from 'playwright-core';

/**
 * The list a combobox opens: antd gives it the id `<input id>_list` and role="listbox", and (with
 * virtual lists off in App.tsx) every choice in it is a role="option" named by its label.
 */
async function listOf(combobox: Locator): Promise<Locator> {
  const id = await combobox.getAttribute('id');
  if (!id) throw new Error(`${combobox.toString()} has no id, so its list cannot be found`);
  return combobox.page().locator(`[id="${id}_list"]`);
}

/** Options match their whole label with `exact`, else any option whose label contains it (陈惠敏（舞蹈教师）). */
interface Match {
  exact?: boolean;
}

/** The option of the list that is chosen and shows `label` (it stays in the page, hidden, once the list closes). */
function chosenOption(list: Locator, label: string, match: Match): Locator {
  // By text, not by name: with hidden elements included, a name would take in the hidden tick.
  const text = match.exact ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : label;
  return list.getByRole('option', { selected: true, includeHidden: true }).filter({ hasText: text });
}

/**
 * Opens the list (unless open), clicks the option named `label` and waits until the list marks
 * it as chosen (aria-selected). A choice already made is not clicked again: in a multiple select
 * a second click would take it off. With motion off under test the list is in place when it
 * opens, so one click is enough.
 */
export async function choose(combobox: Locator, label: string, match: Match = {}): Promise<void> {
  const list = await listOf(combobox);
  const chosen = chosenOption(list, label, match);
  if ((await chosen.count()) > 0) return;
  if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
  await list.getByRole('option', { name: label, exact: match.exact }).click();
  await chosen.waitFor({ state: 'attached' });
}

/** Types `query` (a name or pinyin) into a searchable select and chooses the option containing `label`. */
export async function searchAndChoose(combobox: Locator, query: string, label: string): Promise<void> {
  const list = await listOf(combobox);
  await combobox.fill(query);
  await list.getByRole('option', { name: label }).click();
  await chosenOption(list, label, {}).waitFor({ state: 'attached' });
}

/** The labels of the options a combobox offers, as listed (the list is closed again afterwards). */
export async function optionsOf(combobox: Locator): Promise<string[]> {
  const list = await listOf(combobox);
  if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
  const options = list.getByRole('option');
  await options.first().waitFor();
  const labels = (await options.allInnerTexts()).map((s) => s.trim());
  await combobox.press('Escape');
  return labels;
}

/**
 * The label a single select shows as chosen ('' when none). antd shows it, with a title, in the
 * element that holds the combobox's input; the input itself stays empty.
 */
export async function chosenIn(combobox: Locator): Promise<string> {
  return (await combobox.locator('xpath=..').getAttribute('title', { timeout: 1_000 })) ?? '';
}
