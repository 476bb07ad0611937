import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  LETTER_BODY_LIMIT,
  letterCreated,
  letterInput,
  letterRatingInput,
  trackedLetter,
  trackingCodeParam,
} from '../../../contract/mailbox.ts';
import { auditContextOf } from '../../audit.ts';
import { rateLetter, trackLetter, writeLetter } from './mailbox-public.service.ts';

/** The writer's side of the mailbox, without an account: write, follow by tracking code, rate the handling. */
export const publicMailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['public', 'mailbox'];
  const access = { public: true } as const;

  app.post(
    '/api/public/letters',
    {
      config: { access },
      bodyLimit: LETTER_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Write a letter (投诉 / 建议 / 表扬 / 检举控告), up to 3 photos; returns a tracking code',
        body: letterInput,
        response: { 201: letterCreated, 200: letterCreated },
      },
    },
    async (request, reply) => {
      const created = await writeLetter(deps, auditContextOf(request, deps.clock), request.body);
      return reply.status(created.duplicate ? 200 : 201).send(created);
    },
  );

  app.get(
    '/api/public/letters/:code',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Follow a letter by its tracking code: status, timeline, replies, extension',
        params: trackingCodeParam,
        response: { 200: trackedLetter },
      },
    },
    async (request) => trackLetter(deps, request.params.code, request.ip),
  );

  app.post(
    '/api/public/letters/:code/rating',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Rate the handling: 满意 / 基本满意 / 不满意 (不满意 reopens the letter once)',
        params: trackingCodeParam,
        body: letterRatingInput,
        response: { 200: trackedLetter },
      },
    },
    async (request) => rateLetter(deps, auditContextOf(request, deps.clock), request.params.code, request.body),
  );
};
