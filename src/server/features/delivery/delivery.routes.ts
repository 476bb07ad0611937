import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  declineRequest,
  feedbackInput,
  listRecordsQuery,
  listRequestsQuery,
  recordCorrection,
  recordInput,
  recordStats,
  serviceRecord,
  serviceRequest,
} from '../../../contract/delivery.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as records from './records.service.ts';
import { streamRecordsExport } from './records-export.service.ts';
import { sendXlsx } from '../../xlsx-export.ts';
import { actOnRequest, listRequests, requestContact } from './requests.service.ts';
import { exportRequests } from './requests-export.service.ts';

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .regex(/^[\w.:-]{8,64}$/),
});

/** Members handle requests and keep the service record book; staff see both in their scope. */
export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['delivery'];
  const handle = { action: 'handle', subject: 'serviceRequest' } as const;

  app.get(
    '/api/requests',
    {
      config: { access: { action: 'read', subject: 'serviceRequest' } },
      schema: {
        tags,
        summary: "Requests of a member's studios, or in a staff subtree",
        querystring: listRequestsQuery,
        response: { 200: pageOf(serviceRequest) },
      },
    },
    async (request) => listRequests(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/requests/export.xlsx',
    {
      config: { access: { action: 'read', subject: 'serviceRequest' } },
      schema: {
        tags,
        summary: 'Export the filtered requests (residents masked) as .xlsx',
        querystring: listRequestsQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportRequests(deps, auditContextOf(request, deps.clock), actorOf(request), request.query)),
  );
  app.get(
    '/api/requests/:id/contact',
    {
      config: { access: handle },
      schema: {
        tags,
        summary: "The resident's name and phone (read is audited)",
        params: idParam,
        response: { 200: z.object({ residentName: z.string(), residentPhone: z.string() }) },
      },
    },
    async (request) => requestContact(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id),
  );
  for (const action of ['accept', 'complete'] as const) {
    app.post(
      `/api/requests/:id/${action}`,
      {
        config: { access: handle },
        schema: {
          tags,
          summary: `${action} a request`,
          params: idParam,
          response: { 200: z.object({ id: z.number().int() }) },
        },
      },
      async (request) => ({
        id: await actOnRequest(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id, action),
      }),
    );
  }
  app.post(
    '/api/requests/:id/decline',
    {
      config: { access: handle },
      schema: {
        tags,
        summary: 'Decline with a reason; the request passes to the next studio',
        params: idParam,
        body: declineRequest,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    async (request) => ({
      id: await actOnRequest(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        'decline',
        request.body.reason,
      ),
    }),
  );

  app.post(
    '/api/records',
    {
      config: { access: { action: 'create', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'Write a record (服务记录本); the Idempotency-Key makes retries safe',
        headers: idempotencyHeaders,
        body: recordInput,
        response: { 201: serviceRecord, 200: serviceRecord },
      },
    },
    async (request, reply) => {
      const { created, record } = await records.submitRecord(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.headers['idempotency-key'],
        request.body,
      );
      return reply.status(created ? 201 : 200).send(record);
    },
  );
  app.get(
    '/api/records',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'Records in scope with filters',
        querystring: listRecordsQuery,
        response: { 200: pageOf(serviceRecord) },
      },
    },
    async (request) => records.listRecords(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/records/stats',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'Records and person-times by group and category',
        querystring: listRecordsQuery,
        response: { 200: recordStats },
      },
    },
    async (request) => records.recordStats(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/records/export.xlsx',
    {
      config: { access: { action: 'export', subject: 'serviceRecord' } },
      schema: { tags, summary: 'Export the filtered records (recipients masked)', querystring: listRecordsQuery },
    },
    async (request, reply) => {
      const ctx = auditContextOf(request, deps.clock);
      return sendXlsx(reply, await streamRecordsExport(deps, ctx, actorOf(request), request.query));
    },
  );
  app.get(
    '/api/records/:id',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: { tags, summary: 'One record with its follow-ups', params: idParam, response: { 200: serviceRecord } },
    },
    async (request) => records.getRecord(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/records/:id',
    {
      config: { access: { action: 'correct', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'Correct a record within the window (history kept)',
        params: idParam,
        body: recordCorrection,
        response: { 200: serviceRecord },
      },
    },
    async (request) =>
      records.correctRecord(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  app.get(
    '/api/records/:id/revisions',
    {
      config: { access: { action: 'read', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'Correction history',
        params: idParam,
        response: {
          200: z.array(z.object({ at: z.string(), by: z.string(), before: z.unknown(), after: z.unknown() })),
        },
      },
    },
    async (request) => records.recordRevisions(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/records/:id/feedback',
    {
      config: { access: { action: 'update', subject: 'serviceRecord' } },
      schema: {
        tags,
        summary: 'Add a follow-up (跟踪反馈)',
        params: idParam,
        body: feedbackInput,
        response: { 200: serviceRecord },
      },
    },
    async (request) =>
      records.addFeedback(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id, request.body),
  );
};
