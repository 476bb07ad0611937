import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { account, createAccountRequest, listAccountsQuery, setDisabledRequest } from '../../../contract/accounts.ts';
import { idParam, pageOf } from '../../../contract/common.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as accounts from './accounts.service.ts';
import { exportAccounts } from './accounts-export.service.ts';
import { sendXlsx } from '../../xlsx-export.ts';

/** Staff accounts, managed by admins within their subtree. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['accounts'];

  app.get(
    '/api/accounts',
    {
      config: { access: { action: 'read', subject: 'account' } },
      schema: {
        tags,
        summary: 'Accounts in scope',
        querystring: listAccountsQuery,
        response: { 200: pageOf(account) },
      },
    },
    async (request) => accounts.listAccounts(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/accounts/export.xlsx',
    {
      config: { access: { action: 'read', subject: 'account' } },
      schema: { tags, summary: 'Export the filtered accounts as .xlsx', querystring: listAccountsQuery },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportAccounts(deps, auditContextOf(request, deps.clock), actorOf(request), request.query)),
  );

  app.post(
    '/api/accounts',
    {
      config: { access: { action: 'create', subject: 'account' } },
      schema: { tags, summary: 'Create a staff account', body: createAccountRequest, response: { 201: account } },
    },
    async (request, reply) => {
      const created = await accounts.createAccount(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/accounts/:id/unlock',
    {
      config: { access: { action: 'unlock', subject: 'account' } },
      schema: { tags, summary: 'Lift a lockout', params: idParam, response: { 200: account } },
    },
    async (request) =>
      accounts.unlockAccount(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id),
  );

  app.put(
    '/api/accounts/:id/disabled',
    {
      config: { access: { action: 'disable', subject: 'account' } },
      schema: {
        tags,
        summary: 'Disable or enable an account',
        params: idParam,
        body: setDisabledRequest,
        response: { 200: account },
      },
    },
    async (request) =>
      accounts.setDisabled(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body.disabled,
      ),
  );
};
