import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  createOrgUnitRequest,
  listOrgUnitsQuery,
  orgUnit,
  orgUnitSummary,
  updateOrgUnitRequest,
} from '../../../contract/org-units.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { getUnitSummary } from './org-unit-summary.service.ts';
import * as units from './org-units.service.ts';

/** The org tree: browse, search, add units and edit them, each within the actor's subtree. */
export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['org-units'];

  app.get(
    '/api/org-units',
    {
      config: { access: { action: 'read', subject: 'orgUnit' } },
      schema: {
        tags,
        summary: 'Units in a subtree, searchable by name, pinyin and initials',
        querystring: listOrgUnitsQuery,
        response: { 200: pageOf(orgUnit) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const kept = await units.keptPage(deps, actor, request.query);
      // Bytes written earlier by this route's own serializer: sent as they are (the type
      // provider knows only the page's shape).
      if (kept.bytes) return reply.type('application/json; charset=utf-8').send(kept.bytes as never);
      const page = await units.listUnits(deps, actor, request.query);
      kept.keep(reply.serialize(page) as string);
      return page;
    },
  );

  app.get(
    '/api/org-units/:id',
    {
      config: { access: { action: 'read', subject: 'orgUnit' } },
      schema: { tags, summary: 'One unit', params: idParam, response: { 200: orgUnit } },
    },
    async (request) => units.getUnit(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/org-units/:id/summary',
    {
      config: { access: { action: 'read', subject: 'orgUnit' } },
      schema: {
        tags,
        summary: 'A unit’s page: its studios, people, needs and venues, counted, with the first few of each',
        params: idParam,
        response: { 200: orgUnitSummary },
      },
    },
    async (request) => getUnitSummary(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/org-units/:id/children',
    {
      config: { access: { action: 'read', subject: 'orgUnit' } },
      schema: { tags, summary: 'Direct children of a unit', params: idParam, response: { 200: z.array(orgUnit) } },
    },
    async (request) => units.listChildren(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/org-units',
    {
      config: { access: { action: 'create', subject: 'orgUnit' } },
      schema: {
        tags,
        summary: 'Add a unit under one in scope',
        body: createOrgUnitRequest,
        response: { 201: orgUnit },
      },
    },
    async (request, reply) => {
      const created = await units.createUnit(deps, auditContextOf(request, deps.clock), actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/org-units/:id',
    {
      config: { access: { action: 'update', subject: 'orgUnit' } },
      schema: { tags, summary: 'Edit a unit', params: idParam, body: updateOrgUnitRequest, response: { 200: orgUnit } },
    },
    async (request) =>
      units.updateUnit(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id, request.body),
  );
};
