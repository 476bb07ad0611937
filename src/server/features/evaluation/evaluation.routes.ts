import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  confirmEvaluationProposalRequest,
  evaluationProposal,
  listEvaluationProposalsQuery,
  listScoresQuery,
  rejectEvaluationProposalRequest,
  runRequest,
  runResult,
  scheme,
  schemeInput,
  schemeVersionParam,
  scoreDetail,
  scoreSummary,
  studioScoresParam,
  studioScoresQuery,
  yearEndQuery,
  yearEndSheet,
} from '../../../contract/evaluation.ts';
import { z } from 'zod';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as evaluation from './evaluation.service.ts';
import * as proposals from './proposals.service.ts';
import * as yearEnd from './year-end.service.ts';
import { yearEndWorkbook } from './year-end.presenter.ts';

/** Quantitative evaluation (量化考评): the scheme, the quarterly run, scores with breakdowns, rankings, proposals. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['evaluation'];

  app.get(
    '/api/evaluation/schemes',
    {
      config: { access: { action: 'read', subject: 'evaluationScheme' } },
      schema: { tags, summary: 'Every version of the scheme, newest first', response: { 200: z.array(scheme) } },
    },
    async (request) => evaluation.listSchemes(deps, actorOf(request)),
  );
  app.post(
    '/api/evaluation/schemes',
    {
      config: { access: { action: 'update', subject: 'evaluationScheme' } },
      schema: {
        tags,
        summary: 'Publish a new version of the scheme, in force from a day in the current quarter or later',
        body: schemeInput,
        response: { 201: scheme },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await evaluation.publishScheme(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
        ),
  );
  app.get(
    '/api/evaluation/schemes/:version',
    {
      config: { access: { action: 'read', subject: 'evaluationScheme' } },
      schema: { tags, summary: 'One version of the scheme', params: schemeVersionParam, response: { 200: scheme } },
    },
    async (request) => evaluation.getScheme(deps, actorOf(request), request.params.version),
  );

  app.post(
    '/api/evaluation/runs',
    {
      config: { access: { action: 'run', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary: 'Run a quarter that is over (dryRun: answer the same and change nothing)',
        body: runRequest,
        response: { 200: runResult },
      },
    },
    async (request) =>
      evaluation.runOnDemand(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );

  app.get(
    '/api/evaluation/scores',
    {
      config: { access: { action: 'read', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary: "A quarter's scores in scope, ranked (by total, or by one item); a member sees their own",
        querystring: listScoresQuery,
        response: { 200: pageOf(scoreSummary) },
      },
    },
    async (request) => evaluation.listScores(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/evaluation/scores/:id',
    {
      config: { access: { action: 'read', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary: 'One score with its full breakdown (figures, formulas, points, ids behind them) and history',
        params: idParam,
        response: { 200: scoreDetail },
      },
    },
    async (request) => evaluation.getScore(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/studios/:id/evaluation',
    {
      config: { access: { action: 'read', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary: "A studio's current score in a quarter (the last quarter over by default)",
        params: studioScoresParam,
        querystring: studioScoresQuery,
        response: { 200: scoreDetail },
      },
    },
    async (request) => evaluation.getStudioScore(deps, actorOf(request), request.params.id, request.query.quarter),
  );

  app.get(
    '/api/evaluation/year-end',
    {
      config: { access: { action: 'read', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary:
          'The year-end sheet of the party members serving in scope (a member: their own), with suggested grades',
        querystring: yearEndQuery,
        response: { 200: yearEndSheet },
      },
    },
    async (request) => yearEnd.yearEndSheet(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/evaluation/year-end.xlsx',
    {
      config: { access: { action: 'export', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary: 'The year-end sheet as a workbook (A4 landscape) for a branch or a street',
        querystring: yearEndQuery,
      },
    },
    async (request, reply) => {
      const sheet = await yearEnd.yearEndSheet(deps, actorOf(request), request.query);
      const name = `${sheet.year}年度党员评议参考.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="year-end-${sheet.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await yearEndWorkbook(sheet));
    },
  );

  app.get(
    '/api/evaluation/proposals',
    {
      config: { access: { action: 'read', subject: 'reviewProposal' } },
      schema: {
        tags,
        summary: 'Commendation and review proposals in scope',
        querystring: listEvaluationProposalsQuery,
        response: { 200: pageOf(evaluationProposal) },
      },
    },
    async (request) => proposals.listProposals(deps, actorOf(request), request.query),
  );
  for (const kind of ['commendation', 'review'] as const) {
    const path = kind === 'commendation' ? 'commendations' : 'reviews';
    const subject = kind === 'commendation' ? 'commendationProposal' : 'reviewProposal';
    app.post(
      `/api/evaluation/${path}/:id/confirm`,
      {
        config: { access: { action: 'confirm', subject } },
        schema: {
          tags,
          summary:
            kind === 'commendation'
              ? 'The district confirms a commendation (通报表扬)'
              : 'The street confirms a review: rectification (with a deadline) or revocation of the plaque (with a reason)',
          params: idParam,
          body: confirmEvaluationProposalRequest,
          response: { 200: evaluationProposal },
        },
      },
      async (request) =>
        proposals.confirmProposal(
          deps,
          auditContextOf(request, deps.clock),
          actorOf(request),
          kind,
          request.params.id,
          request.body,
        ),
    );
    app.post(
      `/api/evaluation/${path}/:id/reject`,
      {
        config: { access: { action: 'reject', subject } },
        schema: {
          tags,
          summary: 'Reject a proposal, with the reason',
          params: idParam,
          body: rejectEvaluationProposalRequest,
          response: { 200: evaluationProposal },
        },
      },
      async (request) =>
        proposals.rejectProposal(
          deps,
          auditContextOf(request, deps.clock),
          actorOf(request),
          kind,
          request.params.id,
          request.body.reason,
        ),
    );
  }
};
