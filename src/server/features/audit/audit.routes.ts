import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntry, listAuditQuery } from '../../../contract/audit.ts';
import { pageOf } from '../../../contract/common.ts';
import { actorOf } from '../../plugins/session.ts';
import { listAuditLog } from './audit.service.ts';
import { exportAuditLog } from './audit-export.service.ts';
import { sendXlsx } from '../../xlsx-export.ts';
import { auditContextOf } from '../../audit.ts';

/** The audit log, read-only: there is no route that edits or deletes an entry. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/audit-log',
    {
      config: { access: { action: 'read', subject: 'auditLog' } },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log',
        querystring: listAuditQuery,
        response: { 200: pageOf(auditEntry) },
      },
    },
    async (request) => listAuditLog(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/audit-log/export.xlsx',
    {
      config: { access: { action: 'read', subject: 'auditLog' } },
      schema: { tags: ['audit'], summary: 'Export the filtered audit log as .xlsx', querystring: listAuditQuery },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportAuditLog(deps, auditContextOf(request, deps.clock), actorOf(request), request.query)),
  );
};
