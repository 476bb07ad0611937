import type { Supervisor, SupervisorAbility } from '../../../contract/supervisors.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import type { Activity, SupervisorStatus } from '../../../domain/inspections/supervisors.ts';
import type { SupervisorRow } from './supervisors.repository.ts';

/** A roster entry as the API shows it: the phone masked, the status in force, the activity and what the viewer may do. */
export function presentSupervisor(
  row: SupervisorRow,
  extra: { status: SupervisorStatus; activity: Activity; inactive: boolean; allowedActions: SupervisorAbility[] },
): Supervisor {
  return {
    id: row.id,
    streetId: row.street_id,
    streetName: row.street_name,
    accountId: row.account_id,
    username: row.username,
    name: row.name,
    phone: maskPhone(row.phone) ?? '',
    communityId: row.community_id,
    communityName: row.community_name,
    cardNumber: row.card_number,
    appointedOn: row.appointed_on,
    termStart: row.term_start,
    termEnd: row.term_end,
    status: extra.status,
    statusReason: row.status_reason,
    activity: { ...extra.activity, inactive: extra.inactive },
    allowedActions: extra.allowedActions,
  };
}
