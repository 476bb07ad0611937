import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  acknowledgeRequest,
  assignRequest,
  extendRequest,
  letterContact,
  letterDetail,
  letterHandler,
  letterPhotoParam,
  letterSummary,
  listLettersQuery,
  replyRequest,
  ruleRequest,
} from '../../../contract/mailbox.ts';
import type { LetterStaffAction } from '../../../domain/mailbox/lifecycle.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as mailbox from './mailbox.service.ts';

/** The street's side of the supervision mailbox: the letter queue, and every staff step of a letter. */
export const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['mailbox'];

  app.get(
    '/api/letters',
    {
      config: { access: { action: 'read', subject: 'letter' } },
      schema: {
        tags,
        summary: 'Letters in scope: the most urgent deadline first, with overdue and escalation flags',
        querystring: listLettersQuery,
        response: { 200: pageOf(letterSummary) },
      },
    },
    async (request) => mailbox.listLetters(deps, actorOf(request), request.query),
  );

  app.get(
    '/api/letters/:id',
    {
      config: { access: { action: 'read', subject: 'letter' } },
      schema: {
        tags,
        summary: 'One letter with its timeline, photos and next actions (writer masked)',
        params: idParam,
        response: { 200: letterDetail },
      },
    },
    async (request) => mailbox.getLetter(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/letters/:id/contact',
    {
      config: { access: { action: 'readPersonal', subject: 'letter' } },
      schema: {
        tags,
        summary: "The writer's name and phone unmasked; the read is audited",
        params: idParam,
        response: { 200: letterContact },
      },
    },
    async (request) =>
      mailbox.revealContact(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id),
  );

  app.get(
    '/api/letters/:id/photos/:photoId',
    {
      config: { access: { action: 'read', subject: 'letter' } },
      schema: { tags, summary: 'A photo of the letter (JPEG, re-encoded without metadata)', params: letterPhotoParam },
    },
    async (request, reply) => {
      const photo = await mailbox.getLetterPhoto(deps, actorOf(request), request.params.id, request.params.photoId);
      return reply.type(photo.mime).header('etag', `"${photo.etag}"`).send(photo.content);
    },
  );

  app.get(
    '/api/letters/:id/handlers',
    {
      config: { access: { action: 'assign', subject: 'letter' } },
      schema: {
        tags,
        summary: "The street's staff who may be named the handler (首接负责)",
        params: idParam,
        response: { 200: z.array(letterHandler) },
      },
    },
    async (request) => mailbox.listHandlers(deps, actorOf(request), request.params.id),
  );

  /** Registers one staff transition; `toRequest` turns the body into the service's request. */
  function transitionRoute<S extends z.ZodType>(
    path: string,
    action: LetterStaffAction,
    summary: string,
    body: S,
    toRequest: (b: z.infer<S>) => mailbox.StaffRequest,
  ) {
    app.post(
      `/api/letters/:id/${path}`,
      {
        config: { access: { action, subject: 'letter' } },
        schema: { tags, summary, params: idParam, body, response: { 200: letterDetail } },
      },
      async (request) =>
        mailbox.actOnLetter(
          deps,
          auditContextOf(request, deps.clock),
          actorOf(request),
          request.params.id,
          toRequest(request.body as z.infer<S>),
        ),
    );
  }

  transitionRoute('assign', 'assign', 'Name the handler who owns the letter until it closes', assignRequest, (b) => ({
    action: 'assign',
    ...b,
  }));
  transitionRoute(
    'acknowledge',
    'acknowledge',
    'The handler acknowledges the letter (受理)',
    acknowledgeRequest.nullish(),
    (b) => ({ action: 'acknowledge', note: b?.note ?? '' }),
  );
  transitionRoute(
    'extend',
    'extend',
    'Extend the reply deadline once, with a reason the writer sees',
    extendRequest,
    (b) => ({
      action: 'extend',
      ...b,
    }),
  );
  transitionRoute('reply', 'reply', 'Reply to the writer', replyRequest, (b) => ({ action: 'reply', ...b }));
  transitionRoute(
    'second-reply',
    'replyAgain',
    'Reply again after the writer was not satisfied',
    replyRequest,
    (b) => ({
      action: 'replyAgain',
      ...b,
    }),
  );
  transitionRoute(
    'rule',
    'rule',
    'Rule a twice-rejected complaint substantiated or not (属实 / 不属实)',
    ruleRequest,
    (b) => ({
      action: 'rule',
      ...b,
    }),
  );
};
