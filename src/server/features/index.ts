import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { orgUnitRoutes } from './org-units/org-units.routes.ts';

/** The one list of feature plugins. */
export const features: FastifyPluginAsyncZod[] = [healthRoutes, authRoutes, orgUnitRoutes, accountRoutes, auditRoutes];
