import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  chartExportQuery,
  dashboard,
  dashboardQuery,
  publicStatistics,
  publicStatisticsQuery,
  statisticsSettings,
  statisticsSettingsInput,
} from '../../../contract/statistics.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import { exportDashboard } from './statistics-export.service.ts';
import { publicFigures } from './statistics-public.service.ts';
import { getStatisticsSettings, updateStatisticsSettings } from './statistics-settings.service.ts';
import { dashboardOf } from './statistics.service.ts';
import { contentDisposition } from '../../content-disposition.ts';

/** The dashboards of the network (统计), their export, the public figures and the settings. */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['statistics'];

  app.get(
    '/api/statistics/dashboard',
    {
      config: { access: { action: 'read', subject: 'statistics' } },
      schema: {
        tags,
        summary: 'A unit’s figures over a period beside the previous one, each with the list behind it',
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
    },
    async (request) => dashboardOf(deps, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/api/statistics/export.xlsx',
    {
      config: { access: { action: 'export', subject: 'statistics' } },
      schema: {
        tags,
        summary: 'One chart’s data (or all) as .xlsx, in the reader’s language',
        querystring: chartExportQuery,
      },
    },
    async (request, reply) => {
      const out = await exportDashboard(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.query,
        request.locale ?? 'zh-CN',
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(out.filename, 'statistics.xlsx'))
        .send(out.body);
    },
  );

  app.get(
    '/api/statistics/settings',
    {
      config: { access: { action: 'read', subject: 'statisticsSettings' } },
      schema: { tags, summary: 'The public small-count minimum', response: { 200: statisticsSettings } },
    },
    async (request) => getStatisticsSettings(deps, actorOf(request)),
  );

  app.put(
    '/api/statistics/settings',
    {
      config: { access: { action: 'update', subject: 'statisticsSettings' } },
      schema: {
        tags,
        summary: 'Change the public small-count minimum',
        body: statisticsSettingsInput,
        response: { 200: statisticsSettings },
      },
    },
    async (request) =>
      updateStatisticsSettings(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );

  app.get(
    '/api/public/statistics',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public', ...tags],
        summary: 'A unit’s public figures, small counts withheld',
        querystring: publicStatisticsQuery,
        response: { 200: publicStatistics },
      },
    },
    async (request) => publicFigures(deps, request.query, request.locale),
  );
};
