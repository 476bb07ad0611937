import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contract/common.ts';
import {
  bulletin,
  bulletinEdit,
  bulletinInput,
  bulletinSummary,
  listBulletinsQuery,
} from '../../../contract/statistics.ts';
import { renderText } from '../../../domain/statistics/bulletin.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { bulletinHtml } from './bulletin-print.presenter.ts';
import { closePdfBrowser, htmlToPdf } from '../../documents/html-pdf.ts';
import { editBulletin, generateBulletin, getBulletin, listBulletins } from './bulletins.service.ts';
import { contentDisposition } from '../../content-disposition.ts';

/** The bulletins (简报): generate a draft from the data, edit it as versions, export .docx and a print view. */
export const bulletinRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.addHook('onClose', closePdfBrowser);
  const tags = ['bulletins'];
  const read = { action: 'read', subject: 'bulletin' } as const;

  app.get(
    '/api/bulletins',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Bulletins of the subtree',
        querystring: listBulletinsQuery,
        response: { 200: z.array(bulletinSummary) },
      },
    },
    async (request) => listBulletins(deps, actorOf(request), request.query.under),
  );

  app.post(
    '/api/bulletins',
    {
      config: { access: { action: 'create', subject: 'bulletin' } },
      schema: {
        tags,
        summary: 'Generate the draft for a unit and a period',
        body: bulletinInput,
        response: { 201: bulletin },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await generateBulletin(deps, auditContextOf(request, deps.clock), actorOf(request), request.body)),
  );

  app.get(
    '/api/bulletins/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'A bulletin with its current text and figures',
        params: idParam,
        response: { 200: bulletin },
      },
    },
    async (request) => getBulletin(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/bulletins/:id',
    {
      config: { access: { action: 'update', subject: 'bulletin' } },
      schema: {
        tags,
        summary: 'Save an edit of the text as a new version',
        params: idParam,
        body: bulletinEdit,
        response: { 200: bulletin },
      },
    },
    async (request) =>
      editBulletin(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/bulletins/:id/export.docx',
    { config: { access: read }, schema: { tags, summary: 'The bulletin as Word (.docx)', params: idParam } },
    async (request, reply) => {
      const b = await getBulletin(deps, actorOf(request), request.params.id);
      const name = `简报${b.year}年第${b.number}期-${renderText(b.content.title, b.content.figures)}.docx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(name, 'bulletin.docx'))
        .send(await (await import('./bulletin-docx.presenter.ts')).bulletinDocx(b.content));
    },
  );

  app.get(
    '/api/bulletins/:id/export.pdf',
    {
      config: { access: read },
      schema: { tags, summary: 'The bulletin as PDF (open fonts embedded)', params: idParam },
    },
    async (request, reply) => {
      const b = await getBulletin(deps, actorOf(request), request.params.id);
      const name = `简报${b.year}年第${b.number}期-${renderText(b.content.title, b.content.figures)}.pdf`;
      const pdf = await htmlToPdf(bulletinHtml(b.content), { chromiumPath: deps.config.CHROMIUM_PATH });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(name, 'bulletin.pdf'))
        .send(pdf);
    },
  );

  app.get(
    '/api/bulletins/:id/print',
    { config: { access: read }, schema: { tags, summary: 'The bulletin as a page to print', params: idParam } },
    async (request, reply) => {
      const b = await getBulletin(deps, actorOf(request), request.params.id);
      return reply.type('text/html; charset=utf-8').send(bulletinHtml(b.content));
    },
  );
};
