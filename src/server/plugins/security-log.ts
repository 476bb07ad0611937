import type { FastifyReply, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refusals are security events (ASVS 7.2): every 403, and every 404 that a write to a known
 * route gets (an object outside the caller's scope answers 404, as if it did not exist), is
 * logged as a warning with the actor, the route and the request id. Logged, not audited, so a
 * stream of anonymous probes cannot flood the audit table. The route is its pattern
 * (`/api/accounts/:id/disabled`), never the URL, and no body, query or name is logged, so the
 * event carries no personal data; the request id ties it to the access log. Called from the
 * app's one onSend hook, with the answer about to be sent.
 */
export function logRefusal(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
  const status = reply.statusCode;
  if (status !== 403 && status !== 404) return;
  if (!request.url.startsWith('/api/')) return;
  const route = request.routeOptions.url;
  const isWrite = !SAFE_METHODS.has(request.method);
  if (status === 404 && !(isWrite && route !== undefined)) return;
  let code: unknown;
  if (typeof payload === 'string') {
    try {
      code = (JSON.parse(payload) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
  }
  const actor = request.actor;
  request.log.warn(
    {
      security: {
        event: status === 403 ? 'forbidden' : 'notFoundOnWrite',
        status,
        code: typeof code === 'string' ? code : null,
        method: request.method,
        route: route ?? null,
        actor: actor ? { accountId: actor.accountId, role: actor.role, unitId: actor.unitId } : null,
        requestId: request.id,
      },
    },
    'security: request refused',
  );
}
