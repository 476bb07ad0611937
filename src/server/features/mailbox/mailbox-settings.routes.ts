import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dayOff, dayOffInput, dayParam, mailboxSettings, ratesQuery, ratesResult } from '../../../contract/mailbox.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as settings from './mailbox-settings.service.ts';

const yearParam = z.strictObject({ year: z.coerce.number().int().min(2004).max(2100) });
const calendarYear = z.object({
  year: z.number().int(),
  source: z.enum(['chinese-days', 'assets', 'none']),
  provisional: z.boolean(),
  holidays: z.array(z.string()),
  makeUpWorkdays: z.array(z.string()),
  daysOff: z.array(dayOff),
});

/** The district's side of the mailbox: deadlines and weights, the working-day calendar, and 三率. */
export const mailboxSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['mailbox'];
  const read = { action: 'read', subject: 'mailboxSettings' } as const;
  const update = { action: 'update', subject: 'mailboxSettings' } as const;

  app.get(
    '/api/mailbox/settings',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Deadlines per type, escalation, rating window, 三率 weights',
        response: { 200: mailboxSettings },
      },
    },
    async (request) => settings.getMailboxSettings(deps, actorOf(request)),
  );

  app.put(
    '/api/mailbox/settings',
    {
      config: { access: update },
      schema: {
        tags,
        summary: 'Change the settings (new deadlines apply to letters that arrive from now on)',
        body: mailboxSettings,
        response: { 200: mailboxSettings },
      },
    },
    async (request) =>
      settings.updateMailboxSettings(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );

  app.get(
    '/api/mailbox/days-off',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Days off the district added to the national calendar',
        response: { 200: z.array(dayOff) },
      },
    },
    async (request) => settings.listDaysOff(deps, actorOf(request)),
  );

  app.post(
    '/api/mailbox/days-off',
    {
      config: { access: update },
      schema: {
        tags,
        summary: "Add a day off; open letters' deadlines move with it",
        body: dayOffInput,
        response: { 200: z.array(dayOff) },
      },
    },
    async (request) => settings.addDayOff(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );

  app.delete(
    '/api/mailbox/days-off/:day',
    {
      config: { access: update },
      schema: {
        tags,
        summary: "Remove a day off; open letters' deadlines move back",
        params: dayParam,
        response: { 200: z.array(dayOff) },
      },
    },
    async (request) =>
      settings.removeDayOff(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.day),
  );

  app.get(
    '/api/mailbox/calendar/:year',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'A year of the working-day calendar: holidays, make-up working days, days off, and its source',
        params: yearParam,
        response: { 200: calendarYear },
      },
    },
    async (request) => settings.calendarYear(deps, actorOf(request), request.params.year),
  );

  app.get(
    '/api/mailbox/rates',
    {
      config: { access: { action: 'read', subject: 'letter' } },
      schema: {
        tags,
        summary: '三率 (响应率, 解决率, 满意率) and the composite per street or per studio for a period',
        querystring: ratesQuery,
        response: { 200: ratesResult },
      },
    },
    async (request) => settings.rates(deps, actorOf(request), request.query),
  );
};
