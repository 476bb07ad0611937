import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health } from '../../../contract/health.ts';
import { checkHealth } from './health.service.ts';

/** Liveness and readiness for load balancers and operators. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['operations'],
        summary: 'Database reachable, schema and app version',
        response: { 200: health, 503: health },
      },
    },
    async (_request, reply) => {
      const body = await checkHealth(deps);
      return reply.status(body.database.reachable ? 200 : 503).send(body);
    },
  );
};
