import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntry, listAuditQuery } from '../../../contract/audit.ts';
import { pageOf } from '../../../contract/common.ts';
import { authorize } from '../../scope.ts';
import { actorOf } from '../../plugins/session.ts';
import { listAudit } from './audit.repository.ts';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

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
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'read', 'auditLog', { unitPath: actor.unitPath });
      const { rows, total } = await listAudit(deps.db, request.query);
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          unitId: r.unit_id,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: parse(r.before_json),
          after: parse(r.after_json),
          ip: r.ip,
          requestId: r.request_id,
        })),
      };
    },
  );
};
