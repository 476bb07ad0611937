import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  commitment,
  commitmentParams,
  fulfilmentRequest,
  publicationPreview,
  publishResult,
  saveCommitmentsRequest,
} from '../../../contract/commitments.ts';
import { studioIdParam } from '../../../contract/studios.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { requirePublicBaseUrl } from '../../public-url.ts';
import * as commitments from './commitments.service.ts';

/** Public commitments (公开承诺): draft, publish with an SMS announcement, and track fulfilment. */
export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['commitments'];

  app.get(
    '/api/studios/:id/commitments',
    {
      config: { access: { action: 'read', subject: 'studio' } },
      schema: {
        tags,
        summary: 'Draft and published commitments',
        params: studioIdParam,
        response: { 200: z.array(commitment) },
      },
    },
    async (request) => commitments.listCommitments(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/studios/:id/commitments',
    {
      config: { access: { action: 'update', subject: 'commitment' } },
      schema: {
        tags,
        summary: 'Save draft commitments',
        params: studioIdParam,
        body: saveCommitmentsRequest,
        response: { 200: z.array(commitment) },
      },
    },
    async (request) =>
      commitments.saveDrafts(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.items,
      ),
  );

  app.get(
    '/api/studios/:id/commitments/preview',
    {
      config: { access: { action: 'publish', subject: 'commitment' } },
      schema: {
        tags,
        summary: 'The SMS publishing would send, its billed segments and recipients',
        params: studioIdParam,
        response: { 200: publicationPreview },
      },
    },
    async (request) =>
      commitments.previewPublication(deps, actorOf(request), request.params.id, await requirePublicBaseUrl(deps)),
  );

  app.post(
    '/api/studios/:id/commitments/publish',
    {
      config: { access: { action: 'publish', subject: 'commitment' } },
      schema: {
        tags,
        summary: 'Publish the drafts and announce them by SMS',
        params: studioIdParam,
        response: { 200: publishResult },
      },
    },
    async (request) =>
      commitments.publish(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        await requirePublicBaseUrl(deps),
      ),
  );

  app.post(
    '/api/studios/:id/commitments/:commitmentId/fulfilment',
    {
      config: { access: { action: 'check', subject: 'commitment' } },
      schema: {
        tags,
        summary: 'Record whether a commitment was kept in a month',
        params: commitmentParams,
        body: fulfilmentRequest,
        response: { 200: z.array(commitment) },
      },
    },
    async (request) =>
      commitments.recordFulfilment(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.params.commitmentId,
        request.body,
      ),
  );
};
