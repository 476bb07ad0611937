import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bulletinBoard,
  publicStudio,
  publicStudioHit,
  publicStudiosQuery,
  publicUnit,
  publicUnitsQuery,
  confirmSubscriptionRequest,
  smsCodeSent,
  subscribeRequest,
  subscriptionResult,
  unsubscribeRequest,
} from '../../../contract/public.ts';
import { category, studioIdParam } from '../../../contract/studios.ts';
import { idParam } from '../../../contract/common.ts';
import { auditContextOf } from '../../audit.ts';
import { publicAddress, requirePublicBaseUrl } from '../../public-url.ts';
import * as pub from './public.service.ts';
import * as sms from './sms-subscriptions.service.ts';

/** Pages residents open without an account: studio pages, bulletin boards, SMS subscription confirmed by a code. */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['public'];
  const access = { public: true } as const;

  app.get(
    '/api/public/categories',
    {
      config: { access },
      schema: { tags, summary: 'Enabled service categories', response: { 200: z.array(category) } },
    },
    async () => pub.listPublicCategories(deps.db),
  );

  app.get(
    '/api/public/studios',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Find a serving studio by name (to write a letter about it)',
        querystring: publicStudiosQuery,
        response: { 200: z.array(publicStudioHit) },
      },
    },
    async (request) => pub.searchPublicStudios(deps.db, request.query.q, request.query.limit),
  );

  app.get(
    '/api/public/studios/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: "A studio's public page; a revoked studio says so",
        params: studioIdParam,
        response: { 200: publicStudio },
      },
    },
    async (request) => pub.publicStudio(deps, request.params.id, (await publicAddress(deps)).url),
  );

  app.get(
    '/api/public/studios/:id/qr.svg',
    { config: { access }, schema: { tags, summary: "QR code of the studio's public page", params: studioIdParam } },
    async (request, reply) => {
      const svg = await pub.studioQrSvg(deps, request.params.id, await requirePublicBaseUrl(deps));
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(svg);
    },
  );

  app.get(
    '/api/public/units/:id/board',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The community bulletin board (公告栏)',
        params: idParam,
        response: { 200: bulletinBoard },
      },
    },
    async (request) => pub.bulletinBoard(deps, request.params.id, (await publicAddress(deps)).url),
  );

  app.get(
    '/api/public/units',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Find a community, village or enterprise',
        querystring: publicUnitsQuery,
        response: { 200: z.array(publicUnit) },
      },
    },
    async (request) => pub.searchPublicUnits(deps.db, request.query.q, request.query.limit),
  );

  // Each change is the phone owner's own: the first call sends a code to the phone, the
  // confirm call with that code makes the change.
  for (const purpose of ['subscribe', 'unsubscribe'] as const) {
    app.post(
      `/api/public/sms/${purpose}`,
      {
        config: { access },
        schema: {
          tags,
          summary:
            purpose === 'subscribe'
              ? "Subscribe to a community's announcements (宣传短信): sends a code to the phone"
              : 'Unsubscribe: sends a code to the phone (the same answer for a number not subscribed)',
          body: purpose === 'subscribe' ? subscribeRequest : unsubscribeRequest,
          response: { 200: smsCodeSent },
        },
      },
      async (request) => sms.sendSubscriptionCode(deps, auditContextOf(request, deps.clock), purpose, request.body),
    );
    app.post(
      `/api/public/sms/${purpose}/confirm`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Confirm the ${purpose === 'subscribe' ? 'subscription' : 'unsubscription'} with the code sent to the phone`,
          body: confirmSubscriptionRequest,
          response: { 200: subscriptionResult },
        },
      },
      async (request) => sms.confirmSubscriptionCode(deps, auditContextOf(request, deps.clock), purpose, request.body),
    );
  }
};
