import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reminder } from '../../../contract/reminders.ts';
import { actorOf } from '../../plugins/session.ts';
import { listReminders } from './reminders.service.ts';

/** Open reminders for the actor's streets: contracts ending soon, rectifications overdue. */
export const reminderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/reminders',
    {
      config: { access: { action: 'read', subject: 'reminder' } },
      schema: { tags: ['studios'], summary: 'Open reminders in scope', response: { 200: z.array(reminder) } },
    },
    async (request) => listReminders(deps, actorOf(request)),
  );
};
