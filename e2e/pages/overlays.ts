import type { Locator, Page } from 'playwright-core';

/** The open dialog with this title (antd names a Modal by its title; a closed one is hidden). */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/**
 * A dialog's button by its exact name. The last match: the corner's close button comes first and
 * is also called 关闭, like the OK button of 关闭工作室.
 */
export function dialogButton(dialogLocator: Locator, name: string): Locator {
  return dialogLocator.getByRole('button', { name, exact: true }).last();
}

/** The 确定 button of the open confirmation bubble (antd's Popconfirm is a role="tooltip"). */
export function popconfirmOk(page: Page): Locator {
  return page.getByRole('tooltip').getByRole('button', { name: '确定', exact: true });
}

/**
 * Picks the radio labelled `label` in a group by clicking its label, as a person does: antd's
 * button-style radios and Segmented hide the input itself. Waits until the group says it is checked.
 */
export async function pickRadio(group: Locator, label: string): Promise<void> {
  await group.locator('label', { hasText: label }).click();
  await group.getByRole('radio', { name: new RegExp(`^${label}`), checked: true }).waitFor({ state: 'attached' });
}
