import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicAddress, publicAddressInput } from '../../../contract/public.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { getPublicAddress, updatePublicAddress } from './public-settings.service.ts';

const tags = ['settings'];

/** The district's public address (公开访问地址): what printed QR codes and SMS links point to. */
export const publicSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    '/api/settings/public-address',
    {
      config: { access: { action: 'read', subject: 'publicAddress' } },
      schema: { tags, summary: 'The public address and where it comes from', response: { 200: publicAddress } },
    },
    async (request) => getPublicAddress(deps, actorOf(request)),
  );

  app.put(
    '/api/settings/public-address',
    {
      config: { access: { action: 'update', subject: 'publicAddress' } },
      schema: {
        tags,
        summary: 'Save or clear the public address (never taken from a request)',
        body: publicAddressInput,
        response: { 200: publicAddress },
      },
    },
    async (request) => updatePublicAddress(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );
};
