import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordRequest, loginRequest, me, settingsRequest } from '../../../contract/auth.ts';
import { errorBody, ok } from '../../../contract/common.ts';
import { auditContextOf } from '../../audit.ts';
import type { FastifyRequest } from 'fastify';
import { actorOf, isSecureRequest, sessionCookieName } from '../../plugins/session.ts';
import * as auth from './auth.service.ts';

/** Sign-in, sign-out, the signed-in account and its own settings. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isSecureRequest(deps.config, request),
  });

  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        body: loginRequest,
        response: { 200: me, 401: errorBody },
      },
    },
    async (request, reply) => {
      const { token, me: result } = await auth.login(deps, auditContextOf(request, deps.clock), {
        ...request.body,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      });
      reply.setCookie(sessionCookieName(deps.config, request), token, cookieOptions(request));
      return result;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: ok } },
    },
    async (request, reply) => {
      await auth.logout(deps, auditContextOf(request, deps.clock), request.sessionId ?? '');
      reply.clearCookie(sessionCookieName(deps.config, request), cookieOptions(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: me } },
    },
    async (request) => auth.getSessionMe(deps, actorOf(request), request.sessionId ?? ''),
  );

  app.put(
    '/api/auth/me/settings',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'Language and large-font mode', body: settingsRequest, response: { 200: ok } },
    },
    async (request) => {
      const actor = actorOf(request);
      await auth.updateSettings(deps, auditContextOf(request, deps.clock), actor.accountId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], summary: 'Change own password', body: changePasswordRequest, response: { 200: ok } },
    },
    async (request) => {
      await auth.changePassword(deps, auditContextOf(request, deps.clock), request.sessionId ?? '', request.body);
      return { ok: true as const };
    },
  );
};
