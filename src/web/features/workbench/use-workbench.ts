import { useSyncExternalStore } from 'react';
import type { WorkbenchTodoKey } from '../../../contract/workbench.ts';
import { workbenchApi, type Workbench } from './api.ts';

// One copy of the workbench for the page and the menu's badges, so both show the same counts.
let current: { accountId: number; data: Workbench } | null = null;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fetches the workbench again for this account (after a navigation, or when the page opens). */
export function refreshWorkbench(accountId: number): Promise<void> {
  inFlight ??= workbenchApi
    .get()
    .then((data) => {
      current = { accountId, data };
      for (const l of listeners) l();
    })
    .catch(() => undefined)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** The last workbench fetched for this account (undefined until the first answer). */
export function useWorkbench(accountId: number): Workbench | undefined {
  const snapshot = useSyncExternalStore(subscribe, () => current);
  return snapshot?.accountId === accountId ? snapshot.data : undefined;
}

// These are parts of another to-do's count (an overdue letter is also an open one), so a badge leaves them out.
const partOfAnother: ReadonlySet<WorkbenchTodoKey> = new Set([
  'lettersOverdue',
  'lettersEscalated',
  'inspectionsOverdue',
]);

/** The count a menu entry's badge shows: what its to-dos add up to. */
export function badgeCounts(workbench: Workbench | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const todo of workbench?.todos ?? []) {
    if (partOfAnother.has(todo.key)) continue;
    counts.set(todo.path, (counts.get(todo.path) ?? 0) + todo.count);
  }
  return counts;
}
