import type { z } from 'zod';
import { assignableRoles, levelsForRole, type Actor, type Role } from '../../../domain/access/roles.ts';
import { isLocked } from '../../../domain/accounts/lockout.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Account, createAccountRequest, listAccountsQuery } from '../../../contract/accounts.ts';
import { newAccountRow } from '../../../db/accounts.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { assertPasswordAcceptable } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password-hasher.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './accounts.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>;

function present(row: Row, now: number): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitId: row.unit_id,
    unitName: row.unit_name,
    disabled: row.disabled === 1,
    locked: isLocked({ failedCount: 0, lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null }, now),
    createdAt: row.created_at,
  };
}

async function loadInScope(deps: Deps, actor: Actor, id: number, action: 'read' | 'unlock' | 'disable') {
  const row = await repo.findAccount(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, action, 'account', { unitPath: row.unit_path });
  return row;
}

/** Accounts in the actor's subtree (or a unit's, when `under` is in scope). */
export async function listAccounts(deps: Deps, actor: Actor, query: z.infer<typeof listAccountsQuery>) {
  let path = actor.unitPath;
  authorize(actor, 'read', 'account', { unitPath: path });
  if (query.under) {
    const unit = await findUnit(deps.db, query.under);
    if (!unit) throw new DomainError('NOT_FOUND');
    authorize(actor, 'read', 'account', { unitPath: unit.path });
    path = unit.path;
  }
  const { rows, total } = await repo.listAccounts(deps.db, {
    path,
    role: query.role,
    q: query.q || undefined,
    limit: query.limit,
    offset: query.offset,
  });
  const now = deps.clock.now().getTime();
  return { items: rows.map((r) => present(r, now)), total };
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
  assertPasswordAcceptable(deps, input.password);
  const hash = await hashPassword(input.password);
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await repo.usernameExists(trx, input.username))
      throw new DomainError('USERNAME_TAKEN', { username: input.username });
    const row = await trx
      .insertInto('accounts')
      .values(
        newAccountRow({
          username: input.username,
          displayName: input.displayName,
          passwordHash: hash,
          role: input.role,
          unitId: unit.id,
          at: ctx.at,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      after: { username: input.username, displayName: input.displayName, role: input.role, unitId: unit.id },
    });
    return row.id;
  });
  const created = await repo.findAccount(deps.db, id);
  if (!created) throw new DomainError('NOT_FOUND');
  return present(created, deps.clock.now().getTime());
}

/** Lifts a lockout before it runs out. */
export async function unlockAccount(deps: Deps, ctx: AuditContext, actor: Actor, id: number): Promise<Account> {
  const row = await loadInScope(deps, actor, id, 'unlock');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ failed_count: 0, locked_until: null, updated_at: ctx.at })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: id,
      action: 'unlock',
      unitId: row.unit_id,
      before: { lockedUntil: row.locked_until },
      after: { lockedUntil: null },
    });
  });
  return present({ ...row, locked_until: null }, deps.clock.now().getTime());
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
    await trx
      .updateTable('accounts')
      .set({ disabled: disabled ? 1 : 0, updated_at: ctx.at })
      .where('id', '=', id)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('account_id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: id,
      action: disabled ? 'disable' : 'enable',
      unitId: row.unit_id,
      before: { disabled: row.disabled === 1 },
      after: { disabled },
    });
  });
  return present({ ...row, disabled: disabled ? 1 : 0 }, deps.clock.now().getTime());
}
