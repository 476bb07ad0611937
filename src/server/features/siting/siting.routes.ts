import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../contract/common.ts';
import {
  coverageQuery,
  coverageResult,
  mapLayers,
  mapSettings,
  mapSettingsInput,
  residentialArea,
  residentialAreaInput,
  underQuery,
  venue,
  venueInput,
} from '../../../contract/siting.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as coverage from './coverage.service.ts';
import * as siting from './siting.service.ts';

/** Siting (找准点): venues, residential areas, the map, and coverage per category. */
export const sitingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['siting'];
  const read = { action: 'read', subject: 'venue' } as const;
  const ok = z.object({ id: z.number().int() });

  app.get(
    '/api/venues',
    {
      config: { access: read },
      schema: { tags, summary: 'Venues in scope', querystring: underQuery, response: { 200: z.array(venue) } },
    },
    async (request) => siting.listVenues(deps, actorOf(request), request.query.under),
  );
  app.post(
    '/api/venues',
    {
      config: { access: { action: 'create', subject: 'venue' } },
      schema: { tags, summary: 'Add a venue', body: venueInput, response: { 201: ok } },
    },
    async (request, reply) =>
      reply.status(201).send({
        id: await siting.saveSite(deps, auditContextOf(request, deps.clock), actorOf(request), 'venue', request.body),
      }),
  );
  app.put(
    '/api/venues/:id',
    {
      config: { access: { action: 'update', subject: 'venue' } },
      schema: { tags, summary: 'Edit a venue', params: idParam, body: venueInput, response: { 200: ok } },
    },
    async (request) => ({
      id: await siting.saveSite(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        'venue',
        request.body,
        request.params.id,
      ),
    }),
  );

  app.get(
    '/api/residential-areas',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Residential areas in scope',
        querystring: underQuery,
        response: { 200: z.array(residentialArea) },
      },
    },
    async (request) => siting.listAreas(deps, actorOf(request), request.query.under),
  );
  app.post(
    '/api/residential-areas',
    {
      config: { access: { action: 'create', subject: 'venue' } },
      schema: { tags, summary: 'Add a residential area', body: residentialAreaInput, response: { 201: ok } },
    },
    async (request, reply) =>
      reply.status(201).send({
        id: await siting.saveSite(deps, auditContextOf(request, deps.clock), actorOf(request), 'area', request.body),
      }),
  );
  app.put(
    '/api/residential-areas/:id',
    {
      config: { access: { action: 'update', subject: 'venue' } },
      schema: {
        tags,
        summary: 'Edit a residential area',
        params: idParam,
        body: residentialAreaInput,
        response: { 200: ok },
      },
    },
    async (request) => ({
      id: await siting.saveSite(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        'area',
        request.body,
        request.params.id,
      ),
    }),
  );

  app.get(
    '/api/siting/coverage',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Coverage of a category and recommended sites',
        querystring: coverageQuery,
        response: { 200: coverageResult },
      },
    },
    // The answer comes as UTF-8 JSON from the coverage cache, made from the same presenters: Fastify
    // sends bytes as they are, so a cached answer is neither serialised nor encoded again (the
    // type is the schema's).
    async (request, reply) => {
      const json = await coverage.coverageJson(deps, actorOf(request), request.query);
      return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof coverageResult>);
    },
  );
  app.get(
    '/api/map/layers',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Units, venues, areas and serving studios to draw',
        querystring: underQuery,
        response: { 200: mapLayers },
      },
    },
    async (request) => siting.mapLayers(deps, actorOf(request), request.query.under),
  );
  app.get(
    '/api/map/outline',
    {
      config: { access: read },
      schema: { tags, summary: 'The district outline (GeoJSON, GCJ-02; Vonng/adcode, CC BY 4.0)' },
    },
    async (_request, reply) => reply.header('cache-control', 'private, max-age=86400').send(siting.districtOutline()),
  );
  app.get(
    '/api/map/settings',
    {
      config: { access: read },
      schema: { tags, summary: 'Tile source and default walking radius', response: { 200: mapSettings } },
    },
    async () => siting.mapSettings(deps),
  );
  app.put(
    '/api/map/settings',
    {
      config: { access: { action: 'update', subject: 'mapSettings' } },
      schema: {
        tags,
        summary: 'Set the tile source and default walking radius',
        body: mapSettingsInput,
        response: { 200: mapSettings },
      },
    },
    async (request) =>
      siting.saveMapSettings(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );
};
