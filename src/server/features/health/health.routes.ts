import { sql, type Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health } from '../../../contract/health.ts';
import { schemaVersion } from '../../../db/migrate.ts';

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
      let reachable = true;
      let version: string | null = null;
      try {
        await sql`select 1`.execute(deps.db);
        version = await schemaVersion(deps.db as Kysely<unknown>);
      } catch {
        reachable = false;
      }
      const body = {
        status: reachable ? ('ok' as const) : ('degraded' as const),
        database: { engine: deps.engine, reachable, schemaVersion: version },
        appVersion: deps.appVersion,
      };
      return reply.status(reachable ? 200 : 503).send(body);
    },
  );
};
