import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { getRecordSettings, updateRecordSettings } from './record-settings.service.ts';

const correctionHours = z
  .number()
  .int()
  .min(0)
  .max(24 * 30);
/** A walk-in's receipt (服务回执) is valid from one day to a year. */
const receiptDays = z.number().int().min(1).max(366);
const recordSettings = z.object({ correctionHours, receiptDays });

/** How long members may correct their records: a runtime setting district admins change. */
export const recordSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['delivery'];
  app.get(
    '/api/settings/records',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'The correction window of service records and how long walk-in receipts stay valid',
        response: { 200: recordSettings },
      },
    },
    async () => getRecordSettings(deps),
  );
  app.put(
    '/api/settings/records',
    {
      config: { access: { action: 'update', subject: 'recordSettings' } },
      schema: {
        tags,
        summary: 'Set the correction window (hours) and, optionally, the receipt validity (days)',
        body: z.strictObject({ correctionHours, receiptDays: receiptDays.optional() }),
        response: { 200: recordSettings },
      },
    },
    async (request) => updateRecordSettings(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );
};
