import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workbench } from '../../../contract/workbench.ts';
import { actorOf } from '../../plugins/session.ts';
import { getWorkbench } from './workbench.service.ts';

/** The signed-in user's start page: their to-dos with counts and links, figures, recent actions. */
export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/workbench',
    {
      config: { access: { action: 'read', subject: 'workbench' } },
      schema: {
        tags: ['workbench'],
        summary: "The viewer's to-dos, figures and recent actions",
        response: { 200: workbench },
      },
    },
    async (request) => getWorkbench(deps, actorOf(request)),
  );
};
