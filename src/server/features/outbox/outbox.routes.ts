import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../contract/common.ts';
import { listOutboxQuery, outboxMessage } from '../../../contract/outbox.ts';
import { actorOf } from '../../plugins/session.ts';
import { listOutboxMessages } from './outbox.service.ts';
import { exportOutbox } from './outbox-export.service.ts';
import { sendXlsx } from '../../xlsx-export.ts';
import { auditContextOf } from '../../audit.ts';

/** "Sent messages": the outbox of the actor's subtree, phone numbers masked. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/outbox',
    {
      config: { access: { action: 'read', subject: 'outbox' } },
      schema: {
        tags: ['notifications'],
        summary: 'Queued and sent messages',
        querystring: listOutboxQuery,
        response: { 200: pageOf(outboxMessage) },
      },
    },
    async (request) => listOutboxMessages(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/outbox/export.xlsx',
    {
      config: { access: { action: 'read', subject: 'outbox' } },
      schema: {
        tags: ['notifications'],
        summary: 'Export the filtered outbox (numbers masked) as .xlsx',
        querystring: listOutboxQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportOutbox(deps, auditContextOf(request, deps.clock), actorOf(request), request.query)),
  );
};
