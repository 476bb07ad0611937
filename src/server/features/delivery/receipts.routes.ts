import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { receiptPdfQuery, serviceReceipt } from '../../../contract/delivery.ts';
import { idParam } from '../../../contract/common.ts';
import { actorOf } from '../../plugins/session.ts';
import { requirePublicBaseUrl } from '../../public-url.ts';
import { getReceipt, receiptPdf } from './receipts.service.ts';
import { contentDisposition } from '../../content-disposition.ts';

/** A walk-in's 服务回执: the rating code a member shows as a QR code on the phone or prints as a slip. */
export const receiptRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['delivery'];
  const access = { action: 'update', subject: 'serviceRecord' } as const;

  app.get(
    '/api/records/:id/receipt',
    {
      config: { access },
      schema: {
        tags,
        summary: "A walk-in record's receipt: its rating code, the link its QR code holds, expiry and the rating given",
        params: idParam,
        response: { 200: serviceReceipt },
      },
    },
    async (request) => getReceipt(deps, actorOf(request), request.params.id, await requirePublicBaseUrl(deps)),
  );

  app.get(
    '/api/records/:id/receipt.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: "A walk-in record's receipt as a slip to print (A6, or A4)",
        params: idParam,
        querystring: receiptPdfQuery,
      },
    },
    async (request, reply) => {
      const out = await receiptPdf(
        deps,
        actorOf(request),
        request.params.id,
        await requirePublicBaseUrl(deps),
        request.query.size,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`${out.fileName}.pdf`, `receipt-${request.params.id}.pdf`, 'inline'),
        )
        .send(out.pdf);
    },
  );
};
