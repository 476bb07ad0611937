import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idText } from '../../../contract/common.ts';
import { studioIdParam } from '../../../contract/studios.ts';
import { actorOf } from '../../plugins/session.ts';
import { requirePublicBaseUrl } from '../../public-url.ts';
import { studioCardsPdf, subtreeCardsPdf } from './service-cards.service.ts';

const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${name}.pdf"`,
});

/** Convenience service cards (便民服务卡): one studio's members, or a batch for a whole street, ready to print. */
export const serviceCardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['studios'];
  const access = { action: 'read', subject: 'studio' } as const;

  app.get(
    '/api/studios/:id/cards.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: "Service cards of a studio's members (one card: front and back; several: A4 sheets)",
        params: studioIdParam,
      },
    },
    async (request, reply) => {
      const pdf = await studioCardsPdf(deps, actorOf(request), request.params.id, await requirePublicBaseUrl(deps));
      return reply.headers(pdfHeaders('service-cards')).send(pdf);
    },
  );

  app.get(
    '/api/service-cards.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A batch of service cards for every member of the serving studios in a unit (e.g. a street)',
        querystring: z.strictObject({ under: idText.optional() }),
      },
    },
    async (request, reply) => {
      const pdf = await subtreeCardsPdf(deps, actorOf(request), request.query.under, await requirePublicBaseUrl(deps));
      return reply.headers(pdfHeaders('service-cards')).send(pdf);
    },
  );
};
