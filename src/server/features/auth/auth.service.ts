import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../../domain/errors.ts';
import type { Actor, Role } from '../../../domain/access/roles.ts';
import type { Me } from '../../../contract/auth.ts';
import type { Locale } from '../../../contract/common.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { assertPasswordAcceptable, DUMMY_HASH, hashPassword, verifyPassword } from '../../passwords.ts';
import * as repo from './auth.repository.ts';
import { presentMe } from './auth.presenter.ts';
import { sessionCacheOf } from './session-cache.repository.ts';
import { DEMO_PASSWORD } from '../../../db/seed/demo-password.ts';
import { admitAll, forgetOnSuccess, loginThrottleKeys, recordFailure } from './login-throttle.service.ts';

/** The cookie holds a random token; the database keeps only its SHA-256, so a leaked table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Signs in. Every attempt takes the same path and answers the same (401 INVALID_CREDENTIALS)
 * whether the username is unknown, the account disabled or held back, or the password wrong:
 * it is counted against its throttles first, then a password is checked (a dummy hash when
 * there is no account to check), so neither the answer nor its timing tells them apart.
 * Returns the cookie token.
 */
export async function login(
  deps: Deps,
  ctx: AuditContext,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; me: Me }> {
  const { db } = deps;
  const now = Date.parse(ctx.at);
  const account = await repo.findAccountForLogin(db, input.username);
  const keys = loginThrottleKeys(deps.config, input.username, ctx.ip);
  const admission = await admitAll(db, keys, now);
  const checkable = admission.admitted && account && !account.disabled ? account : null;
  const matches = await verifyPassword(input.password, checkable ? checkable.password_hash : DUMMY_HASH);
  // The published demo password opens the demo accounts on a demo instance only (HUIMIN_DEMO=1).
  const isDemoPasswordRefused = matches && !deps.config.HUIMIN_DEMO && input.password === DEMO_PASSWORD;
  const passwordOk = matches && !isDemoPasswordRefused;

  if (!checkable || !passwordOk) {
    if (admission.admitted) {
      const reason = !account
        ? 'unknown'
        : account.disabled
          ? 'disabled'
          : isDemoPasswordRefused
            ? 'demoPasswordOutsideDemo'
            : 'password';
      await recordFailure(deps, ctx, input.username, account ?? null, reason, admission.pair, admission.heldBackUntil);
    }
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const signedIn = checkable;

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  const actor = {
    accountId: signedIn.id,
    username: signedIn.username,
    role: signedIn.role as Role,
    unitId: signedIn.unit_id,
    unitPath: signedIn.unit_path,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateLoginState(trx, signedIn.id, 0, null, ctx.at);
    await forgetOnSuccess(trx, keys);
    await repo.insertSession(trx, {
      id: sessionId,
      accountId: signedIn.id,
      csrfToken,
      at: ctx.at,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(
      trx,
      { ...ctx, actor },
      { entity: 'session', entityId: signedIn.id, action: 'login', unitId: signedIn.unit_id },
    );
  });
  return { token, me: await getMe(deps, signedIn.id, csrfToken) };
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
  sessionCacheOf(deps.db).forget(sessionId);
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
  // The session row carries the locale.
  sessionCacheOf(deps.db).forgetAccount(accountId);
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
  assertPasswordAcceptable(deps.config, input.newPassword, {
    username: actor.username,
    current: input.currentPassword,
  });
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
  sessionCacheOf(deps.db).forgetAccount(actor.accountId);
}
