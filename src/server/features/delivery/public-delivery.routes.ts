import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  nearestQuery,
  nearestResult,
  ratingInput,
  ratingTarget,
  requestLookupInput,
  requestLookupResult,
  serviceRequestCreated,
  serviceRequestInput,
  trackedRequest,
} from '../../../contract/delivery.ts';
import { auditContextOf } from '../../audit.ts';
import { findNearestStudios } from './delivery.service.ts';
import { nearestJson } from './nearest.presenter.ts';
import { rateService, ratingForm } from './ratings.service.ts';
import { createRequest, lookUpRequest, trackRequest } from './requests.service.ts';

const codeParam = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[2-9A-Za-z]{6,16}$/),
});

/** What residents do without an account: find the nearest studio, ask, follow, and rate. */
export const publicDeliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['public'];
  const access = { public: true } as const;

  app.get(
    '/api/public/nearest',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Nearest serving studios from a position (WGS-84 by default) or a community',
        querystring: nearestQuery,
        response: { 200: nearestResult },
      },
    },
    async (request, reply) => {
      const { origin, found } = await findNearestStudios(deps, request.query);
      // Already JSON of the 200 contract, from its writer (nearest.presenter.ts): sent as it is,
      // which the reply's types (the contract's object) cannot say.
      return reply.type('application/json; charset=utf-8').send(nearestJson(origin, found) as never);
    },
  );

  app.post(
    '/api/public/requests',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Ask for a service; returns a tracking code',
        body: serviceRequestInput,
        response: { 201: serviceRequestCreated, 200: serviceRequestCreated },
      },
    },
    async (request, reply) => {
      const created = await createRequest(deps, auditContextOf(request, deps.clock), request.body);
      return reply.status(created.duplicate ? 200 : 201).send(created);
    },
  );

  // A POST, so the phone number stays out of addresses and access logs.
  app.post(
    '/api/public/requests/lookup',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Find a tracking code by the phone number given and the code’s last four characters',
        body: requestLookupInput,
        response: { 200: requestLookupResult },
      },
    },
    async (request) => lookUpRequest(deps, auditContextOf(request, deps.clock), request.body),
  );

  app.get(
    '/api/public/requests/:code',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Follow a request by its tracking code',
        params: codeParam,
        response: { 200: trackedRequest },
      },
    },
    async (request) => trackRequest(deps, request.params.code, request.ip),
  );

  app.get(
    '/api/public/ratings/:code',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The service a tracking or rating code names',
        params: codeParam,
        response: { 200: ratingTarget },
      },
    },
    async (request) => ratingForm(deps, request.params.code, request.ip),
  );

  app.post(
    '/api/public/ratings/:code',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Rate a service 1–5, once (the same rating sent again answers 200; another one 409 ALREADY_RATED)',
        params: codeParam,
        body: ratingInput,
        response: { 201: ratingTarget, 200: ratingTarget },
      },
    },
    async (request, reply) => {
      const rated = await rateService(deps, auditContextOf(request, deps.clock), request.params.code, request.body);
      return reply.status(rated.created ? 201 : 200).send(rated.result);
    },
  );
};
