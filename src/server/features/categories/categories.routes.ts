import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { category } from '../../../contract/studios.ts';
import { listCategories } from './categories.service.ts';

/** Service categories for staff screens (management arrives with the registry). */
export const categoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/categories',
    { config: { access: { action: 'read', subject: 'category' } }, schema: { tags: ['categories'], summary: 'All service categories', response: { 200: z.array(category) } } },
    async () => listCategories(app.deps.db),
  );
};
