import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { categoryRoutes } from './categories/categories.routes.ts';
import { commitmentRoutes } from './commitments/commitments.routes.ts';
import { deliveryRoutes } from './delivery/delivery.routes.ts';
import { recordSettingsRoutes } from './delivery/record-settings.routes.ts';
import { receiptRoutes } from './delivery/receipts.routes.ts';
import { publicDeliveryRoutes } from './delivery/public-delivery.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { mailboxRoutes } from './mailbox/mailbox.routes.ts';
import { publicMailboxRoutes } from './mailbox/mailbox-public.routes.ts';
import { mailboxSettingsRoutes } from './mailbox/mailbox-settings.routes.ts';
import { inspectionRoutes } from './inspections/inspections.routes.ts';
import { supervisorRoutes } from './inspections/supervisors.routes.ts';
import { evaluationRoutes } from './evaluation/evaluation.routes.ts';
import { needRoutes } from './needs/needs.routes.ts';
import { orgUnitRoutes } from './org-units/org-units.routes.ts';
import { outboxRoutes } from './outbox/outbox.routes.ts';
import { publicRoutes } from './public/public.routes.ts';
import { publicSettingsRoutes } from './public/public-settings.routes.ts';
import { registryRoutes } from './registry/registry.routes.ts';
import { reminderRoutes } from './reminders/reminders.routes.ts';
import { sitingRoutes } from './siting/siting.routes.ts';
import { workbenchRoutes } from './workbench/workbench.routes.ts';
import { serviceCardRoutes } from './studios/service-cards.routes.ts';
import { studioDocumentRoutes } from './studios/studio-documents.routes.ts';
import { studioRoutes } from './studios/studios.routes.ts';
import { statisticsRoutes } from './statistics/statistics.routes.ts';
import { bulletinRoutes } from './statistics/bulletins.routes.ts';
import { networkImportRoutes } from './statistics/network-import.routes.ts';

/** The one list of feature plugins. */
export const features: FastifyPluginAsyncZod[] = [
  healthRoutes,
  authRoutes,
  orgUnitRoutes,
  accountRoutes,
  auditRoutes,
  categoryRoutes,
  registryRoutes,
  studioRoutes,
  studioDocumentRoutes,
  serviceCardRoutes,
  commitmentRoutes,
  outboxRoutes,
  reminderRoutes,
  needRoutes,
  sitingRoutes,
  deliveryRoutes,
  recordSettingsRoutes,
  receiptRoutes,
  publicRoutes,
  publicSettingsRoutes,
  publicDeliveryRoutes,
  mailboxRoutes,
  mailboxSettingsRoutes,
  publicMailboxRoutes,
  supervisorRoutes,
  inspectionRoutes,
  evaluationRoutes,
  statisticsRoutes,
  networkImportRoutes,
  bulletinRoutes,
  workbenchRoutes,
];
