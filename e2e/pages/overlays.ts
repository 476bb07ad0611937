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
