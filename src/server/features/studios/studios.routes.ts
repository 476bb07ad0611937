import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../contract/common.ts';
import {
  studioCandidate,
  studioCandidatesQuery,
  closeRequest,
  completeRectificationRequest,
  contractRequest,
  listStudiosQuery,
  plaqueRequest,
  rectifyRequest,
  renewRequest,
  reviewRequest,
  revokeRequest,
  studioApplication,
  studioDetail,
  studioIdParam,
  studioSummary,
} from '../../../contract/studios.ts';
import type { StudioAction } from '../../../domain/studios/lifecycle.ts';
import { z } from 'zod';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as studios from './studios.service.ts';
import { act, type ActionRequest } from './studio-transitions.service.ts';
import { exportStudios } from './studios-export.service.ts';
import { sendXlsx } from '../../xlsx-export.ts';

/** Studios: applications, the review queue and every lifecycle transition. */
export const studioRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['studios'];

  app.get(
    '/api/studios',
    {
      config: { access: { action: 'read', subject: 'studio' } },
      schema: {
        tags,
        summary: 'Studios in scope',
        querystring: listStudiosQuery,
        response: { 200: pageOf(studioSummary) },
      },
    },
    async (request) => studios.listStudios(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/studios/export.xlsx',
    {
      config: { access: { action: 'read', subject: 'studio' } },
      schema: { tags, summary: 'Export the filtered studios list as .xlsx', querystring: listStudiosQuery },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportStudios(deps, auditContextOf(request, deps.clock), actorOf(request), request.query)),
  );

  app.get(
    '/api/studios/candidates',
    {
      config: { access: { action: 'create', subject: 'studio' } },
      schema: {
        tags,
        summary: 'Party members an application may name (names only; the registry is the organisations’)',
        querystring: studioCandidatesQuery,
        response: { 200: z.array(studioCandidate) },
      },
    },
    async (request) => studios.listCandidates(deps, actorOf(request), request.query.under),
  );

  app.get(
    '/api/studios/:id',
    {
      config: { access: { action: 'read', subject: 'studio' } },
      schema: {
        tags,
        summary: 'One studio with its history and next actions',
        params: studioIdParam,
        response: { 200: studioDetail },
      },
    },
    async (request) => studios.getStudio(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/studios',
    {
      config: { access: { action: 'create', subject: 'studio' } },
      schema: {
        tags,
        summary: 'Start an application (申办 / 推荐) as a draft',
        body: studioApplication,
        response: { 201: studioDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await studios.createApplication(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
        ),
  );

  app.put(
    '/api/studios/:id',
    {
      config: { access: { action: 'update', subject: 'studio' } },
      schema: {
        tags,
        summary: 'Edit a draft application',
        params: studioIdParam,
        body: studioApplication,
        response: { 200: studioDetail },
      },
    },
    async (request) =>
      studios.updateApplication(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );

  /** Registers one transition route; `toInput` turns the body into the state machine's input. */
  function transitionRoute<S extends z.ZodType>(
    path: string,
    action: StudioAction,
    summary: string,
    body: S | null,
    toInput: (b: z.infer<S>) => ActionRequest,
  ) {
    app.post(
      `/api/studios/:id/${path}`,
      {
        config: { access: { action, subject: 'studio' } },
        schema: { tags, summary, params: studioIdParam, ...(body ? { body } : {}), response: { 200: studioDetail } },
      },
      async (request) =>
        act(
          deps,
          auditContextOf(request, deps.clock),
          actorOf(request),
          request.params.id,
          toInput(request.body as z.infer<S>),
        ),
    );
  }

  transitionRoute('submit', 'submit', 'Submit the application for review', null, () => ({ action: 'submit' }));
  transitionRoute(
    'community-review',
    'communityReview',
    'Community qualification review (资质把关)',
    reviewRequest,
    (review) => ({ action: 'communityReview', review }),
  );
  transitionRoute(
    'street-review',
    'streetReview',
    'Street qualification review and decision',
    reviewRequest,
    (review) => ({ action: 'streetReview', review }),
  );
  transitionRoute('contract', 'sign', 'Sign the service agreement (签约)', contractRequest, (b) => ({
    action: 'sign',
    ...b,
  }));
  transitionRoute('plaque', 'award', 'Award the plaque (授牌)', plaqueRequest, (b) => ({ action: 'award', ...b }));
  transitionRoute(
    'rectification',
    'rectify',
    'Order rectification (整改), also for 行政化/趋利化 drift',
    rectifyRequest,
    (b) => ({ action: 'rectify', ...b }),
  );
  transitionRoute(
    'rectification/complete',
    'completeRectification',
    'Close a rectification',
    completeRectificationRequest,
    (b) => ({ action: 'completeRectification', ...b }),
  );
  transitionRoute('revoke', 'revoke', 'Revoke the plaque (取消牌匾)', revokeRequest, (b) => ({
    action: 'revoke',
    ...b,
  }));
  transitionRoute('close', 'close', 'Close the studio (the member steps down)', closeRequest, (b) => ({
    action: 'close',
    ...b,
  }));
  transitionRoute('renew', 'renew', 'Renew the agreement before its term ends', renewRequest, (b) => ({
    action: 'renew',
    ...b,
  }));
  transitionRoute('reopen', 'reopen', 'Reopen a rejected application as a draft', null, () => ({ action: 'reopen' }));
};
