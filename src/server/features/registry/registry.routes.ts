import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../contract/common.ts';
import {
  exportQuery,
  importCommitRequest,
  importStatus,
  importUploadQuery,
  listVolunteersQuery,
  screeningRequest,
  volunteer,
  volunteerContact,
  volunteerInput,
  volunteerPage,
} from '../../../contract/registry.ts';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { streamRegistryExport } from './registry-export.service.ts';
import * as imports from './registry-import.service.ts';
import * as registry from './registry.service.ts';
import { contentDisposition } from '../../content-disposition.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The registry (选好人): people and organisations, screening, Excel import and export. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['registry'];
  // Uploads arrive as the raw workbook; this parser lives only inside this plugin.
  app.addContentTypeParser(
    [XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 30 * 1_048_576 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/volunteers',
    {
      config: { access: { action: 'read', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'Search the registry by name, pinyin, initials, skill, category and unit',
        querystring: listVolunteersQuery,
        response: { 200: volunteerPage },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const kept = await registry.keptVolunteerPage(deps, actor, request.query);
      // Bytes written earlier by this route's own serializer: sent as they are (the type
      // provider knows only the page's shape).
      if (kept.bytes) return reply.type('application/json; charset=utf-8').send(kept.bytes as never);
      const page = await registry.listVolunteers(deps, actor, request.query);
      kept.keep(reply.serialize(page) as string);
      return page;
    },
  );

  app.get(
    '/api/volunteers/:id',
    {
      config: { access: { action: 'read', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'One record (phone and ID number masked)',
        params: idParam,
        response: { 200: volunteer },
      },
    },
    async (request) => registry.getVolunteer(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/volunteers/:id/contact',
    {
      config: { access: { action: 'readPersonal', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'Unmasked contact data; the read is audited',
        params: idParam,
        response: { 200: volunteerContact },
      },
    },
    async (request) =>
      registry.revealContact(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id),
  );

  app.post(
    '/api/volunteers',
    {
      config: { access: { action: 'create', subject: 'volunteer' } },
      schema: { tags, summary: 'Add to the registry', body: volunteerInput, response: { 201: volunteer } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await registry.createVolunteer(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
        ),
  );

  app.put(
    '/api/volunteers/:id',
    {
      config: { access: { action: 'update', subject: 'volunteer' } },
      schema: { tags, summary: 'Edit a record', params: idParam, body: volunteerInput, response: { 200: volunteer } },
    },
    async (request) =>
      registry.updateVolunteer(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/api/volunteers/:id/screening',
    {
      config: { access: { action: 'screen', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'Select or decline (挑选)',
        params: idParam,
        body: screeningRequest,
        response: { 200: volunteer },
      },
    },
    async (request) =>
      registry.screenVolunteer(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    '/api/registry/template.xlsx',
    {
      config: { access: { action: 'create', subject: 'volunteer' } },
      schema: { tags, summary: 'The Excel import template (Chinese headers)' },
    },
    async (request, reply) => {
      const workbook = await imports.importTemplate(deps, actorOf(request));
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition('志愿者登记模板.xlsx', 'registry-template.xlsx'))
        .send(workbook);
    },
  );

  app.get(
    '/api/registry/export.xlsx',
    {
      config: { access: { action: 'export', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'Export a filtered list (streamed; unmasked only for roles that may, and logged)',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const stream = await streamRegistryExport(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.query,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition('志愿者登记册.xlsx', 'registry.xlsx'))
        .send(stream);
    },
  );

  app.post(
    '/api/registry/imports',
    {
      config: { access: { action: 'create', subject: 'volunteer' } },
      bodyLimit: 30 * 1_048_576,
      schema: {
        tags,
        summary: 'Upload a filled-in template; the dry run starts at once',
        querystring: importUploadQuery,
        response: { 202: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('INVALID_WORKBOOK');
      const id = await imports.startImport(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.query.filename,
        body,
      );
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/registry/imports/:id',
    {
      config: { access: { action: 'create', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'Progress and the report of bad rows and duplicates',
        params: idParam,
        response: { 200: importStatus },
      },
    },
    async (request) => imports.importStatus(deps, actorOf(request), request.params.id, request.locale),
  );

  app.post(
    '/api/registry/imports/:id/commit',
    {
      config: { access: { action: 'create', subject: 'volunteer' } },
      schema: {
        tags,
        summary: 'Import all rows, or only the good ones',
        params: idParam,
        body: importCommitRequest,
        response: { 200: importStatus },
      },
    },
    async (request) =>
      imports.commitImport(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.mode,
      ),
  );
};
