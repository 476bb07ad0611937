import type { z } from 'zod';
import { assignableRoles, levelsForRole, type Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Account, createAccountRequest, listAccountsQuery } from '../../../contract/accounts.ts';
import { authorize, resolveScope } from '../../scope.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { assertPasswordAcceptable, hashPassword } from '../../passwords.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { deleteSessionsOf, deleteThrottlesOfUsername } from '../auth/auth.repository.ts';
import { sessionCacheOf } from '../auth/session-cache.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './accounts.repository.ts';
import { presentAccount } from './accounts.presenter.ts';

async function loadInScope(deps: Deps, actor: Actor, id: number, action: 'read' | 'unlock' | 'disable') {
  const row = await repo.findAccount(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, action, 'account', { unitPath: row.unit_path });
  return row;
}

/** Accounts in the actor's subtree (or a unit's, when `under` is in scope). */
export async function listAccounts(deps: Deps, actor: Actor, query: z.infer<typeof listAccountsQuery>) {
  const scope = await resolveScope(deps.db, actor, 'read', 'account', query.under);
  const { rows, total } = await repo.listAccounts(deps.db, {
    path: scope.path,
    role: query.role,
    q: query.q || undefined,
    limit: query.limit,
    offset: query.offset,
  });
  const now = deps.clock.now().getTime();
  return { items: rows.map((r) => presentAccount(r, now, actor)), total };
}

/** Creates a staff account: in the actor's scope, with a role no wider than the actor's, on a unit of the right level. */
export async function createAccount(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof createAccountRequest>,
): Promise<Account> {
  const unit = await findUnit(deps.db, input.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'create', 'account', { unitPath: unit.path });
  if (!assignableRoles(actor.role).includes(input.role)) throw new DomainError('FORBIDDEN');
  if (!levelsForRole(input.role).includes(unit.level)) throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  assertPasswordAcceptable(deps.config, input.password, { username: input.username });
  const hash = await hashPassword(input.password);
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await repo.usernameExists(trx, input.username))
      throw new DomainError('USERNAME_TAKEN', { username: input.username });
    const newId = await repo.insertAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: hash,
      role: input.role,
      unitId: unit.id,
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: newId,
      action: 'create',
      unitId: unit.id,
      after: { username: input.username, displayName: input.displayName, role: input.role, unitId: unit.id },
    });
    return newId;
  });
  const created = await repo.findAccount(deps.db, id);
  if (!created) throw new DomainError('NOT_FOUND');
  return presentAccount(created, deps.clock.now().getTime(), actor);
}

/** Lifts a lockout before it runs out. */
export async function unlockAccount(deps: Deps, ctx: AuditContext, actor: Actor, id: number): Promise<Account> {
  const row = await loadInScope(deps, actor, id, 'unlock');
  await deps.db.transaction().execute(async (trx) => {
    await repo.clearLockout(trx, id, ctx.at);
    await deleteThrottlesOfUsername(trx, row.username);
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: id,
      action: 'unlock',
      unitId: row.unit_id,
      before: { lockedUntil: row.locked_until },
      after: { lockedUntil: null },
    });
  });
  return presentAccount({ ...row, locked_until: null }, deps.clock.now().getTime(), actor);
}

/** Disables or re-enables an account; disabling ends its sessions. An actor cannot disable themself. */
export async function setDisabled(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  disabled: boolean,
): Promise<Account> {
  const row = await loadInScope(deps, actor, id, 'disable');
  if (row.id === actor.accountId) throw new DomainError('CONFLICT');
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateDisabled(trx, id, disabled, ctx.at);
    if (disabled) await deleteSessionsOf(trx, id);
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: id,
      action: disabled ? 'disable' : 'enable',
      unitId: row.unit_id,
      before: { disabled: row.disabled === 1 },
      after: { disabled },
    });
  });
  sessionCacheOf(deps.db).forgetAccount(id);
  return presentAccount({ ...row, disabled: disabled ? 1 : 0 }, deps.clock.now().getTime(), actor);
}
