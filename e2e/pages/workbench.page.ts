import type { Locator, Page } from 'playwright-core';

/** 工作台: the to-dos (each a link with its count), the figures and the recent actions. */
export class WorkbenchPage {
  readonly page: Page;
  readonly root: Locator;
  readonly todoList: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('workbench');
    this.todoList = page.getByRole('list', { name: '待办事项' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/workbench');
    await this.settled();
  }

  /** Waits until the workbench has its answer from the server. */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="workbench"][aria-busy="false"]').waitFor();
  }

  /** A to-do's link by its words (待我审核的工作室申请). */
  todo(label: string): Locator {
    return this.todoList.getByRole('link').filter({ hasText: label });
  }

  /** The labels of the to-dos shown, in order. */
  async todoLabels(): Promise<string[]> {
    await this.settled();
    return (await this.todoList.getByTestId('todo-label').allInnerTexts()).map((s) => s.trim());
  }

  /** The count a to-do shows. */
  async todoCount(label: string): Promise<number> {
    await this.settled();
    return Number(
      (
        await this.todo(label)
          .getByTestId(/^todo-count/)
          .innerText()
      ).trim(),
    );
  }

  /** A figure's value by its title (服务人次), as shown. */
  async figure(title: string): Promise<string> {
    await this.settled();
    const stat = this.root.getByTestId(/^figure-/).filter({ hasText: title });
    return (await stat.getByTestId('figure-value').innerText()).trim();
  }
}
