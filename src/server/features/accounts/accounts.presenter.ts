import type { Account, AccountAbility } from '../../../contract/accounts.ts';
import type { Actor, Role } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { isLocked } from '../../../domain/accounts/lockout.ts';
import type { AccountRow } from './accounts.repository.ts';

/** What the actor may do with the account now; nobody disables or enables themself. */
export function accountAbilities(actor: Actor, row: AccountRow, locked: boolean): AccountAbility[] {
  const target = { unitPath: row.unit_path };
  const abilities: AccountAbility[] = [];
  if (locked && can(actor, 'unlock', 'account', target)) abilities.push('unlock');
  if (row.id !== actor.accountId && can(actor, 'disable', 'account', target))
    abilities.push(row.disabled === 1 ? 'enable' : 'disable');
  return abilities;
}

/** An account as admins see it, at `now` (epoch ms) for the lockout; never the password hash. */
export function presentAccount(row: AccountRow, now: number, actor: Actor): Account {
  const locked = isLocked({ failedCount: 0, lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null }, now);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitId: row.unit_id,
    unitName: row.unit_name,
    disabled: row.disabled === 1,
    locked,
    createdAt: row.created_at,
    allowedActions: accountAbilities(actor, row, locked),
  };
}
