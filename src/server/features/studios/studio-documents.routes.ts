import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { locale } from '../../../contract/common.ts';
import { studioIdParam } from '../../../contract/studios.ts';
import { renderContractHtml, renderContractPdf } from '../../documents/contract.document.ts';
import { renderPlaqueHtml, renderPlaquePdf } from '../../documents/plaque.document.ts';
import { actorOf } from '../../plugins/session.ts';
import { requirePublicBaseUrl } from '../../public-url.ts';
import { contentDisposition, safeFileName } from '../../content-disposition.ts';
import { contractDocument, plaqueDocument } from './studio-documents.service.ts';

const langQuery = z.strictObject({ lang: locale.optional() });

/** The agreement and the plaque certificate, as printable pages and as PDF. */
export const studioDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['studios'];
  const access = { action: 'read', subject: 'studio' } as const;
  // Named for what they are: 婉珍书法义教工作室-服务协议.pdf, not contract.pdf.
  const pdf = (fallback: string, studioName: string, what: string) => ({
    'content-type': 'application/pdf',
    'content-disposition': contentDisposition(safeFileName(`${studioName}-${what}.pdf`), `${fallback}.pdf`, 'inline'),
  });

  app.get(
    '/api/studios/:id/contract.pdf',
    { config: { access }, schema: { tags, summary: 'The service agreement as PDF', params: studioIdParam } },
    async (request, reply) => {
      const doc = await contractDocument(deps, actorOf(request), request.params.id);
      return reply.headers(pdf('contract', doc.studioName, '服务协议')).send(await renderContractPdf(doc));
    },
  );
  app.get(
    '/api/studios/:id/contract.html',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The service agreement as a printable page',
        params: studioIdParam,
        querystring: langQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          renderContractHtml(
            await contractDocument(deps, actorOf(request), request.params.id),
            request.query.lang ?? request.locale,
          ),
        ),
  );
  app.get(
    '/api/studios/:id/plaque.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The plaque certificate as PDF, with a QR code to the public page',
        params: studioIdParam,
      },
    },
    async (request, reply) => {
      const doc = await plaqueDocument(deps, actorOf(request), request.params.id, await requirePublicBaseUrl(deps));
      return reply.headers(pdf('plaque', doc.studioName, '牌匾证书')).send(await renderPlaquePdf(doc));
    },
  );
  app.get(
    '/api/studios/:id/plaque.html',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The plaque certificate as a printable page',
        params: studioIdParam,
        querystring: langQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          renderPlaqueHtml(
            await plaqueDocument(deps, actorOf(request), request.params.id, await requirePublicBaseUrl(deps)),
            request.query.lang ?? request.locale,
          ),
        ),
  );
};
