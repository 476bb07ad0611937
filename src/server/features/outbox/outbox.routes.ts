import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOutboxQuery, outboxMessage } from '../../../contract/commitments.ts';
import { pageOf } from '../../../contract/common.ts';
import { authorize } from '../../scope.ts';
import { actorOf } from '../../plugins/session.ts';
import { maskPhone } from '../studios/studios.presenter.ts';
import { listOutbox } from './outbox.repository.ts';

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
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'read', 'outbox', { unitPath: actor.unitPath });
      const { rows, total } = await listOutbox(deps.db, { path: actor.unitPath, ...request.query });
      return {
        total,
        items: rows.map((m) => ({
          id: m.id,
          channel: m.channel,
          templateId: m.template_id,
          recipient: maskPhone(m.recipient) ?? '',
          // The body names no resident; it is the public announcement itself.
          body: m.body,
          status: m.status as 'pending' | 'sending' | 'sent' | 'failed',
          attempts: m.attempts,
          lastError: m.last_error,
          createdAt: m.created_at,
          sentAt: m.sent_at,
        })),
      };
    },
  );
};
