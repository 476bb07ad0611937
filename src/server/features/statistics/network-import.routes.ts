import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idText } from '../../../contract/common.ts';
import { importCommitRequest, importStatus, importUploadQuery } from '../../../contract/registry.ts';
import { DomainError } from '../../../domain/errors.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as history from './history-import.service.ts';
import * as studios from './studio-import.service.ts';
import { contentDisposition } from '../../content-disposition.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The two imports of the existing network, by the path segment that names them. */
const kinds = {
  studios: {
    file: '工作室导入模板.xlsx',
    template: studios.studioTemplate,
    start: studios.startStudioImport,
    status: studios.studioImportStatus,
    commit: studios.commitStudioImport,
  },
  'service-records': {
    file: '服务记录导入模板.xlsx',
    template: history.historyTemplate,
    start: history.startHistoryImport,
    status: history.historyImportStatus,
    commit: history.commitHistoryImport,
  },
} as const;
const kindParam = z.object({ kind: z.enum(['studios', 'service-records']) }).strict();
const importParams = kindParam.extend({ id: idText }).strict();

/**
 * Bringing the existing network in (studios as they stand, paper record books as history):
 * template → upload (dry run) → row-level report → commit, the registry import's flow.
 */
export const networkImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['imports'];
  const access = { action: 'create', subject: 'networkImport' } as const;
  app.addContentTypeParser(
    [XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 30 * 1_048_576 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/network-imports/:kind/template.xlsx',
    { config: { access }, schema: { tags, summary: 'The Excel template of an import', params: kindParam } },
    async (request, reply) => {
      const k = kinds[request.params.kind];
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(k.file, `${request.params.kind}-template.xlsx`))
        .send(await k.template(deps, actorOf(request)));
    },
  );

  app.post(
    '/api/network-imports/:kind',
    {
      config: { access },
      bodyLimit: 30 * 1_048_576,
      schema: {
        tags,
        summary: 'Upload a filled-in template; the dry run starts at once',
        params: kindParam,
        querystring: importUploadQuery,
        response: { 202: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('INVALID_WORKBOOK');
      const id = await kinds[request.params.kind].start(
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
    '/api/network-imports/:kind/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Progress and the row-level report',
        params: importParams,
        response: { 200: importStatus },
      },
    },
    async (request) => kinds[request.params.kind].status(deps, actorOf(request), request.params.id, request.locale),
  );

  app.post(
    '/api/network-imports/:kind/:id/commit',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Import all rows, or only the good ones',
        params: importParams,
        body: importCommitRequest,
        response: { 200: importStatus },
      },
    },
    async (request) =>
      kinds[request.params.kind].commit(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.mode,
      ),
  );
};
