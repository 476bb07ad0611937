import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../contract/common.ts';
import { listOutboxQuery, outboxMessage } from '../../../contract/outbox.ts';
import { actorOf } from '../../plugins/session.ts';
import { listOutboxMessages } from './outbox.service.ts';

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
};
