import type { Reminder } from '../../../contract/reminders.ts';
import type { ReminderListRow } from './reminders.repository.ts';

/** An open reminder as the street sees it. */
export function presentReminder(r: ReminderListRow): Reminder {
  return {
    id: r.id,
    kind: r.kind as Reminder['kind'],
    due: r.due,
    studioId: r.studio_id,
    studioName: r.studio_name,
    unitName: r.unit_name,
    createdAt: r.created_at,
  };
}
