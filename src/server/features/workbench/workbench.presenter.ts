import type { Workbench, WorkbenchFigureKey, WorkbenchTodo } from '../../../contract/workbench.ts';
import type { RecentActionRow } from './workbench.repository.ts';

/** The workbench as the viewer sees it: to-dos with something waiting come first, the rest keep their order. */
export function presentWorkbench(
  todos: WorkbenchTodo[],
  figures: Array<{ key: WorkbenchFigureKey; value: number }>,
  recent: RecentActionRow[],
): Workbench {
  const ordered = [...todos.filter((t) => t.count > 0), ...todos.filter((t) => t.count === 0)];
  return {
    todos: ordered,
    figures,
    recent: recent.map((r) => ({ at: r.at, action: r.action, entity: r.entity, entityId: r.entity_id })),
  };
}
