import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reminder } from '../../../contract/commitments.ts';
import { subtreeRange } from '../../../domain/org/units.ts';
import { authorize } from '../../scope.ts';
import { actorOf } from '../../plugins/session.ts';

/** Open reminders for the actor's streets: contracts ending soon, rectifications overdue. */
export const reminderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/reminders',
    {
      config: { access: { action: 'read', subject: 'reminder' } },
      schema: { tags: ['studios'], summary: 'Open reminders in scope', response: { 200: z.array(reminder) } },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'read', 'reminder', { unitPath: actor.unitPath });
      const { from, to } = subtreeRange(actor.unitPath);
      const rows = await deps.db
        .selectFrom('reminders')
        .innerJoin('org_units as street', 'street.id', 'reminders.unit_id')
        .innerJoin('studios', 'studios.id', 'reminders.studio_id')
        .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
        .select([
          'reminders.id',
          'reminders.kind',
          'reminders.due',
          'reminders.created_at',
          'studios.id as studio_id',
          'studios.name as studio_name',
          'u.name as unit_name',
        ])
        .where('reminders.resolved_at', 'is', null)
        .where('street.path', '>=', from)
        .where('street.path', '<', to)
        .orderBy('reminders.due')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as 'contract_ending' | 'rectification_overdue',
        due: r.due,
        studioId: r.studio_id,
        studioName: r.studio_name,
        unitName: r.unit_name,
        createdAt: r.created_at,
      }));
    },
  );
};
