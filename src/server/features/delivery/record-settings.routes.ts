import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { getRecordSettings, updateRecordSettings } from './record-settings.service.ts';

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
  app.get(
    '/api/settings/records',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: { tags, summary: 'The correction window of service records', response: { 200: recordSettings } },
    },
    async () => getRecordSettings(deps),
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
    async (request) => updateRecordSettings(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );
};
