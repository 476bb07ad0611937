import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_CORRECTION_HOURS } from '../../../domain/delivery/delivery.ts';
import { authorize } from '../../scope.ts';
import { auditContextOf } from '../../audit.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { actorOf } from '../../plugins/session.ts';

const recordSettings = z.object({
  correctionHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
});

/** How long members may correct their records: a runtime setting district admins change. */
export const recordSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['delivery'];
  const read = async () => {
    const row = await deps.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'records.correctionHours')
      .executeTakeFirst();
    return { correctionHours: row ? Number(row.value) : DEFAULT_CORRECTION_HOURS };
  };
  app.get(
    '/api/settings/records',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: { tags, summary: 'The correction window of service records', response: { 200: recordSettings } },
    },
    async () => read(),
  );
  app.put(
    '/api/settings/records',
    {
      config: { access: { action: 'update', subject: 'recordSettings' } },
      schema: {
        tags,
        summary: 'Set the correction window (hours)',
        body: z.strictObject({
          correctionHours: z
            .number()
            .int()
            .min(0)
            .max(24 * 30),
        }),
        response: { 200: recordSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'update', 'recordSettings', { unitPath: actor.unitPath });
      const ctx = auditContextOf(request, deps.clock);
      const before = await read();
      await deps.db.transaction().execute(async (trx) => {
        const value = String(request.body.correctionHours);
        const updated = await trx
          .updateTable('settings')
          .set({ value, updated_at: ctx.at })
          .where('key', '=', 'records.correctionHours')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0)
          await trx
            .insertInto('settings')
            .values({ key: 'records.correctionHours', value, updated_at: ctx.at })
            .execute();
        await recordAudit(trx, ctx, {
          entity: 'settings',
          entityId: 'records',
          action: 'update',
          unitId: actor.unitId,
          before,
          after: request.body,
        });
      });
      return read();
    },
  );
};
