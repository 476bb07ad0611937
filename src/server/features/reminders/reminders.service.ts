import type { Reminder } from '../../../contract/reminders.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import { listOpenReminders } from './reminders.repository.ts';
import { presentReminder } from './reminders.presenter.ts';

/** Open reminders for the streets in the actor's subtree: contracts ending soon, rectifications overdue. */
export async function listReminders(deps: Deps, actor: Actor): Promise<Reminder[]> {
  const scope = await resolveScope(deps.db, actor, 'read', 'reminder');
  return (await listOpenReminders(deps.db, scope.path)).map(presentReminder);
}
