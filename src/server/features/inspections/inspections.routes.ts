import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  cancelRequest,
  checklist,
  checklistInput,
  checklistVersionParam,
  confirmProposalRequest,
  coverage,
  coverageQuery,
  idempotencyHeaders,
  inspectionCorrection,
  inspectionDetail,
  inspectionReport,
  inspectionSummary,
  listInspectionsQuery,
  listProposalsQuery,
  MAX_PHOTOS,
  photoParam,
  planRequest,
  planResult,
  proposal,
  reassignRequest,
  rejectProposalRequest,
} from '../../../contract/inspections.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as checklists from './checklist.service.ts';
import * as inspections from './inspections.service.ts';
import * as reassignments from './reassignments.service.ts';
import * as plans from './plans.service.ts';
import * as proposals from './proposals.service.ts';

// A form carries up to six photos as base64 (each at most 5 MB before encoding).
const FORM_BODY_LIMIT = MAX_PHOTOS * 7_000_000 + 1_048_576;

/** Quarterly inspections (按季度定期走访检查): the checklist, plans, the inspection form, coverage and proposals. */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['inspections'];

  app.get(
    '/api/inspection-checklist',
    {
      config: { access: { action: 'read', subject: 'checklist' } },
      schema: { tags, summary: 'The checklist in force', response: { 200: checklist } },
    },
    async (request) => checklists.getChecklist(deps, actorOf(request)),
  );
  app.put(
    '/api/inspection-checklist',
    {
      config: { access: { action: 'update', subject: 'checklist' } },
      schema: {
        tags,
        summary: 'Publish a new version of the checklist and its rectification threshold',
        body: checklistInput,
        response: { 200: checklist },
      },
    },
    async (request) =>
      checklists.publishChecklist(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );
  app.get(
    '/api/inspection-checklist/versions/:version',
    {
      config: { access: { action: 'read', subject: 'checklist' } },
      schema: {
        tags,
        summary: 'A past version of the checklist',
        params: checklistVersionParam,
        response: { 200: checklist },
      },
    },
    async (request) => checklists.getChecklistVersion(deps, actorOf(request), request.params.version),
  );

  app.get(
    '/api/inspections',
    {
      config: { access: { action: 'read', subject: 'inspection' } },
      schema: {
        tags,
        summary: 'Inspections in scope (a supervisor: their own plan), with overdue ones flagged',
        querystring: listInspectionsQuery,
        response: { 200: pageOf(inspectionSummary) },
      },
    },
    async (request) => inspections.listInspections(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/inspections/plan',
    {
      config: { access: { action: 'plan', subject: 'inspection' } },
      schema: {
        tags,
        summary: "Plan (or top up) the current quarter's inspections of a street",
        body: planRequest,
        response: { 200: planResult },
      },
    },
    async (request) =>
      plans.planOnDemand(deps, auditContextOf(request, deps.clock), actorOf(request), request.body.streetId),
  );
  app.get(
    '/api/inspections/coverage',
    {
      config: { access: { action: 'read', subject: 'inspectionCoverage' } },
      schema: {
        tags,
        summary: 'Per street: studios that served in the quarter, inspected, overdue, never inspected',
        querystring: coverageQuery,
        response: { 200: coverage },
      },
    },
    async (request) => plans.quarterCoverage(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/inspections/:id',
    {
      config: { access: { action: 'read', subject: 'inspection' } },
      schema: {
        tags,
        summary: 'One inspection with the checklist version it used, photos and history',
        params: idParam,
        response: { 200: inspectionDetail },
      },
    },
    async (request) => inspections.getInspection(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/inspections/:id/submit',
    {
      bodyLimit: FORM_BODY_LIMIT,
      config: { access: { action: 'submit', subject: 'inspection' } },
      schema: {
        tags,
        summary: 'Submit the inspection form once; the Idempotency-Key makes retries safe',
        params: idParam,
        headers: idempotencyHeaders,
        body: inspectionReport,
        response: { 201: inspectionDetail, 200: inspectionDetail },
      },
    },
    async (request, reply) => {
      const { created, inspection } = await inspections.submitInspection(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.headers['idempotency-key'],
        request.body,
      );
      return reply.status(created ? 201 : 200).send(inspection);
    },
  );
  app.post(
    '/api/inspections/:id/correct',
    {
      bodyLimit: FORM_BODY_LIMIT,
      config: { access: { action: 'correct', subject: 'inspection' } },
      schema: {
        tags,
        summary: 'Correct a submitted inspection within 48 hours (its author only)',
        params: idParam,
        body: inspectionCorrection,
        response: { 200: inspectionDetail },
      },
    },
    async (request) =>
      inspections.correctInspection(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    '/api/inspections/:id/reassign',
    {
      config: { access: { action: 'reassign', subject: 'inspection' } },
      schema: {
        tags,
        summary: "Give a planned inspection to another of the street's supervisors",
        params: idParam,
        body: reassignRequest,
        response: { 200: inspectionDetail },
      },
    },
    async (request) =>
      reassignments.reassignInspection(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    '/api/inspections/:id/cancel',
    {
      config: { access: { action: 'cancel', subject: 'inspection' } },
      schema: {
        tags,
        summary: 'Call off a planned inspection, with the reason',
        params: idParam,
        body: cancelRequest,
        response: { 200: inspectionDetail },
      },
    },
    async (request) =>
      reassignments.cancelInspection(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.reason,
      ),
  );
  app.get(
    '/api/inspections/:id/photos/:position',
    {
      config: { access: { action: 'read', subject: 'inspection' } },
      schema: { tags, summary: 'One photo of an inspection (JPEG, no metadata)', params: photoParam },
    },
    async (request, reply) => {
      const photo = await inspections.inspectionPhoto(
        deps,
        actorOf(request),
        request.params.id,
        request.params.position,
      );
      return reply.type(photo.mime).header('cache-control', 'private, max-age=3600').send(photo.content);
    },
  );

  app.get(
    '/api/rectification-proposals',
    {
      config: { access: { action: 'read', subject: 'rectificationProposal' } },
      schema: {
        tags,
        summary: 'Studios proposed for rectification by a low inspection total',
        querystring: listProposalsQuery,
        response: { 200: pageOf(proposal) },
      },
    },
    async (request) => proposals.listProposals(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/rectification-proposals/:id/confirm',
    {
      config: { access: { action: 'confirm', subject: 'rectificationProposal' } },
      schema: {
        tags,
        summary: "Confirm: the studio enters rectification (the studio lifecycle's rectify)",
        params: idParam,
        body: confirmProposalRequest,
        response: { 200: proposal },
      },
    },
    async (request) =>
      proposals.confirmProposal(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    '/api/rectification-proposals/:id/reject',
    {
      config: { access: { action: 'reject', subject: 'rectificationProposal' } },
      schema: {
        tags,
        summary: 'Reject a proposal, with the reason',
        params: idParam,
        body: rejectProposalRequest,
        response: { 200: proposal },
      },
    },
    async (request) =>
      proposals.rejectProposal(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.reason,
      ),
  );
};
