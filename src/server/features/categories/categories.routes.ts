import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../contract/common.ts';
import { categoryInput, staffCategory } from '../../../contract/categories.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { listStaffCategories, saveCategory } from './categories.service.ts';

/** Service categories: every staff screen reads them; district admins configure them. */
export const categoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['categories'];
  app.get(
    '/api/categories',
    {
      config: { access: { action: 'read', subject: 'category' } },
      schema: { tags, summary: 'All service categories', response: { 200: z.array(staffCategory) } },
    },
    async (request) => listStaffCategories(deps, actorOf(request)),
  );
  app.post(
    '/api/categories',
    {
      config: { access: { action: 'create', subject: 'category' } },
      schema: { tags, summary: 'Add a category', body: categoryInput, response: { 201: staffCategory } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveCategory(deps, auditContextOf(request, deps.clock), actorOf(request), request.body)),
  );
  app.put(
    '/api/categories/:id',
    {
      config: { access: { action: 'update', subject: 'category' } },
      schema: {
        tags,
        summary: 'Edit a category (names, icon, colour, order, enabled)',
        params: idParam,
        body: categoryInput,
        response: { 200: staffCategory },
      },
    },
    async (request) =>
      saveCategory(deps, auditContextOf(request, deps.clock), actorOf(request), request.body, request.params.id),
  );
};
