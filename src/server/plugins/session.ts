import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSessionIdle, shouldTouchSession } from '../../domain/accounts/session.ts';
import { roleMayEver } from '../../domain/access/rules.ts';
import type { Role } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Locale } from '../../contract/common.ts';
import type { Config } from '../../config/config.ts';
import type { RouteAccess } from '../context.ts';
import { localeFromHeader } from '../i18n/error-messages.ts';
import { deleteSession, touchSession } from '../features/auth/auth.repository.ts';
import { sessionCacheOf } from '../features/auth/session-cache.repository.ts';
import { sessionIdOf } from '../features/auth/auth.service.ts';

export const SESSION_COOKIE = 'huimin_session';
/**
 * Over HTTPS the cookie is `__Host-` prefixed: the browser then insists on Secure, Path=/ and
 * no Domain, so neither a sibling subdomain nor a plain-HTTP response can plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** True when the session cookie must be Secure: configured so, or the request came over HTTPS (a trusted proxy's X-Forwarded-Proto counts). */
export function isSecureRequest(config: Pick<Config, 'COOKIE_SECURE'>, request: FastifyRequest): boolean {
  return config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && request.protocol === 'https');
}

/** The session cookie's name for a request: only the prefixed one is read or set over HTTPS. */
export function sessionCookieName(config: Pick<Config, 'COOKIE_SECURE'>, request: FastifyRequest): string {
  return isSecureRequest(config, request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves who is calling (session cookie → actor) and in which language, enforces the
 * idle timeout and CSRF on cookie-authenticated writes, then checks the route's access
 * declaration. Object-level scope is checked later, in the services.
 *
 * Both hooks are callback hooks, not async ones: every request passes the first, and a request
 * without a session cookie (every public page and API call of a resident) leaves it without a
 * promise or a tick. The access check is attached only to the routes that need one (see
 * `accessCheckOf`), so public routes skip it altogether.
 */
export function registerSession(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return done();
    const token = request.cookies[sessionCookieName(app.deps.config, request)];
    if (!token) return done();
    resolveSession(app, request, token).then(() => done(), done);
  });
}

/** Sets the request's actor, session and locale from a session cookie's token; ends an idle session. */
async function resolveSession(app: FastifyInstance, request: FastifyRequest, token: string): Promise<void> {
  const { db, clock, config } = app.deps;
  const sessionId = sessionIdOf(token);
  const sessions = sessionCacheOf(db);
  let row = await sessions.find(db, sessionId);
  if (!row || row.disabled) return;
  const now = clock.now().getTime();
  let lastSeen = Date.parse(row.last_seen_at);
  if (isSessionIdle(lastSeen, now, config.SESSION_IDLE_MINUTES)) {
    // The kept row may be older than another instance's touch: ask the database before ending it.
    sessions.forget(sessionId);
    row = await sessions.find(db, sessionId);
    if (!row || row.disabled) return;
    lastSeen = Date.parse(row.last_seen_at);
  }
  if (isSessionIdle(lastSeen, now, config.SESSION_IDLE_MINUTES)) {
    await deleteSession(db, sessionId);
    sessions.forget(sessionId);
    request.sessionExpired = true;
    return;
  }
  if (shouldTouchSession(lastSeen, now, config.SESSION_IDLE_MINUTES)) {
    const at = new Date(now).toISOString();
    await touchSession(db, sessionId, at);
    sessions.touched(sessionId, at);
  }
  request.actor = {
    accountId: row.account_id,
    username: row.username,
    role: row.role as Role,
    unitId: row.unit_id,
    unitPath: row.unit_path,
  };
  request.sessionId = sessionId;
  request.locale = row.locale as Locale;
  const access = request.routeOptions.config.access;
  if (!SAFE_METHODS.has(request.method) && !(access && 'public' in access)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, row.csrf_token)) throw new DomainError('CSRF_TOKEN_INVALID');
  }
}

/**
 * The preValidation hook a route with this access declaration needs, or null for a public
 * route (or one without a declaration). Attached to each route as it registers (app.ts), it
 * runs before validation, so a caller without access learns nothing from validation messages.
 */
export function accessCheckOf(
  access: RouteAccess | undefined,
): ((request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => void) | null {
  if (!access || 'public' in access) return null;
  return (request, _reply, done) => {
    if (!request.actor) return done(new DomainError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED'));
    if ('action' in access && !roleMayEver(request.actor.role, access.action, access.subject))
      return done(new DomainError('FORBIDDEN'));
    done();
  };
}

/** The actor of a route that requires sign-in (the preHandler guarantees it). */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}
