import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../../domain/errors.ts';
import { isHeldBack } from '../../../domain/accounts/throttle.ts';
import type { Actor, Role } from '../../../domain/access/roles.ts';
import type { Me } from '../../../contract/auth.ts';
import type { Locale } from '../../../contract/common.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { assertPasswordAcceptable, DUMMY_HASH, hashPassword, verifyPassword } from '../../passwords.ts';
import * as repo from './auth.repository.ts';
import { presentMe } from './auth.presenter.ts';
import { admit } from './login-throttle.service.ts';

/** The cookie holds a random token; the database keeps only its SHA-256, so a leaked table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signs in: counts the attempt against the account's throttle, checks the password, and opens a session. Returns the cookie token. */
export async function login(
  deps: Deps,
  ctx: AuditContext,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; me: Me }> {
  const { db, config } = deps;
  const lockMs = config.LOCKOUT_MINUTES * 60_000;
  const policy = {
    freeAttempts: config.LOCKOUT_MAX_FAILURES,
    firstDelayMs: lockMs,
    maxDelayMs: lockMs,
    forgetAfterMs: lockMs,
  };
  const now = Date.parse(ctx.at);
  const account = await repo.findAccountForLogin(db, input.username);
  const accountKey = { key: repo.accountThrottleKey(input.username), policy };
  const failed = (reason: string, accountId: number | null, unitId: number | null) =>
    recordAudit(db, ctx, {
      entity: 'session',
      entityId: accountId,
      action: 'login.failed',
      unitId,
      after: { username: input.username, reason },
    });

  // The attempt is counted before the password is checked, so parallel guesses cannot all be
  // checked on one reading of the count.
  const admission = await admit(db, accountKey, now);
  if (!admission.admitted) {
    await verifyPassword(input.password, DUMMY_HASH);
    await failed('locked', account?.id ?? null, account?.unit_id ?? null);
    if (account) throw new DomainError('ACCOUNT_LOCKED', { minutes: config.LOCKOUT_MINUTES });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (!account || account.disabled) {
    await verifyPassword(input.password, DUMMY_HASH);
    await failed(account ? 'disabled' : 'unknown', account?.id ?? null, account?.unit_id ?? null);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(input.password, account.password_hash))) {
    const heldBack = isHeldBack(admission.state, now);
    const lockedUntil = heldBack ? new Date(admission.state.blockedUntil ?? now).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      if (lockedUntil) await repo.updateLoginState(trx, account.id, admission.state.failures, lockedUntil, ctx.at);
      await recordAudit(trx, ctx, {
        entity: 'session',
        entityId: account.id,
        action: 'login.failed',
        unitId: account.unit_id,
        after: { username: input.username, reason: 'password', locked: heldBack },
      });
    });
    if (heldBack) throw new DomainError('ACCOUNT_LOCKED', { minutes: config.LOCKOUT_MINUTES });
    throw new DomainError('INVALID_CREDENTIALS');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  const actor = {
    accountId: account.id,
    username: account.username,
    role: account.role as Role,
    unitId: account.unit_id,
    unitPath: account.unit_path,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateLoginState(trx, account.id, 0, null, ctx.at);
    await repo.deleteThrottles(trx, [accountKey.key]);
    await repo.insertSession(trx, {
      id: sessionId,
      accountId: account.id,
      csrfToken,
      at: ctx.at,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(
      trx,
      { ...ctx, actor },
      { entity: 'session', entityId: account.id, action: 'login', unitId: account.unit_id },
    );
  });
  return { token, me: await getMe(deps, account.id, csrfToken) };
}

/** Ends a session on the server, so the cookie is worthless even if kept. */
export async function logout(deps: Deps, ctx: AuditContext, sessionId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    if (ctx.actor)
      await recordAudit(trx, ctx, {
        entity: 'session',
        entityId: ctx.actor.accountId,
        action: 'logout',
        unitId: ctx.actor.unitId,
      });
  });
}

/** The signed-in account as the web app shows it. */
export async function getMe(deps: Deps, accountId: number, csrfToken: string): Promise<Me> {
  return presentMe(await repo.findMe(deps.db, accountId), csrfToken, deps.config.SESSION_IDLE_MINUTES);
}

/** The account of the request's session, with that session's CSRF token. */
export async function getSessionMe(deps: Deps, actor: Actor, sessionId: string): Promise<Me> {
  const session = await repo.findSession(deps.db, sessionId);
  return getMe(deps, actor.accountId, session?.csrf_token ?? '');
}

/** Saves the account's language and large-font preference. */
export async function updateSettings(
  deps: Deps,
  ctx: AuditContext,
  accountId: number,
  input: { locale?: Locale | undefined; largeFont?: boolean | undefined },
) {
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.findMe(trx, accountId);
    const set: { locale?: string; large_font?: number; updated_at: string } = { updated_at: ctx.at };
    if (input.locale !== undefined) set.locale = input.locale;
    if (input.largeFont !== undefined) set.large_font = input.largeFont ? 1 : 0;
    await repo.updatePreferences(trx, accountId, set);
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: accountId,
      action: 'settings.update',
      unitId: before.unit_id,
      before: { locale: before.locale, largeFont: before.large_font === 1 },
      after: { locale: input.locale ?? before.locale, largeFont: input.largeFont ?? before.large_font === 1 },
    });
  });
}

/** Changes the actor's own password and ends their other sessions. */
export async function changePassword(
  deps: Deps,
  ctx: AuditContext,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED');
  const row = await repo.findMe(deps.db, actor.accountId);
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) throw new DomainError('WRONG_PASSWORD');
  assertPasswordAcceptable(deps.config, input.newPassword);
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updatePasswordHash(trx, actor.accountId, hash, ctx.at);
    await repo.deleteSessionsOf(trx, actor.accountId, sessionId);
    await recordAudit(trx, ctx, {
      entity: 'account',
      entityId: actor.accountId,
      action: 'password.change',
      unitId: actor.unitId,
    });
  });
}
