import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  classifyRequest,
  correctCategoryRequest,
  listNeedsQuery,
  need,
  needInput,
  pressingNeeds,
  pressingQuery,
  recordedNeed,
  suggestion,
} from '../../../contract/needs.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as needs from './needs.service.ts';
import { exportNeeds } from './needs-export.service.ts';
import { sendXlsx } from '../../xlsx-export.ts';

/** Needs intake (访民情): record, classify, correct, and the most pressing needs by area. */
export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['needs'];

  app.post(
    '/api/needs',
    {
      config: { access: { action: 'create', subject: 'need' } },
      schema: {
        tags,
        summary: 'Record a need; its category is suggested',
        body: needInput,
        response: { 201: recordedNeed },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await needs.recordNeed(deps, auditContextOf(request, deps.clock), actorOf(request), request.body)),
  );
  app.post(
    '/api/needs/classify',
    {
      config: { access: { action: 'create', subject: 'need' } },
      schema: {
        tags,
        summary: 'Suggest a category while typing (writes nothing)',
        body: classifyRequest,
        response: { 200: suggestion },
      },
    },
    async (request) => needs.suggestNeedCategory(deps, actorOf(request), request.body.text),
  );
  app.get(
    '/api/needs',
    {
      config: { access: { action: 'read', subject: 'need' } },
      schema: {
        tags,
        summary: 'Needs in scope (resident data masked)',
        querystring: listNeedsQuery,
        response: { 200: pageOf(need) },
      },
    },
    async (request) => needs.listNeeds(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/needs/export.xlsx',
    {
      config: { access: { action: 'read', subject: 'need' } },
      schema: {
        tags,
        summary: 'Export the filtered needs (resident data masked) as .xlsx',
        querystring: listNeedsQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportNeeds(deps, auditContextOf(request, deps.clock), actorOf(request), request.query)),
  );
  app.put(
    '/api/needs/:id/category',
    {
      config: { access: { action: 'update', subject: 'need' } },
      schema: {
        tags,
        summary: 'Set or correct the category',
        params: idParam,
        body: correctCategoryRequest,
        response: { 200: need },
      },
    },
    async (request) =>
      needs.correctCategory(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.categoryId,
      ),
  );
  app.get(
    '/api/needs/pressing',
    {
      config: { access: { action: 'read', subject: 'need' } },
      schema: {
        tags,
        summary: 'Most pressing needs by category and area, with the trend',
        querystring: pressingQuery,
        response: { 200: pressingNeeds },
      },
    },
    async (request) => needs.pressingNeeds(deps, actorOf(request), request.query),
  );
};
