import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  commendationNotice,
  confirmEvaluationProposalRequest,
  issueNoticeRequest,
  evaluationProposal,
  listEvaluationProposalsQuery,
  listScoresQuery,
  rejectEvaluationProposalRequest,
  runRequest,
  runResult,
  scheme,
  schemeInput,
  schemePreview,
  schemePreviewRequest,
  schemeVersionParam,
  scoreDetail,
  scoreSummary,
  studioScoresParam,
  studioScoresQuery,
  yearEndQuery,
  yearEndSheet,
  yearEndMember,
  decideGradeRequest,
  gradeRule,
  memberSheetQuery,
  volunteerParam,
} from '../../../contract/evaluation.ts';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as evaluation from './evaluation.service.ts';
import * as proposals from './proposals.service.ts';
import * as notices from './notices.service.ts';
import * as yearEnd from './year-end.service.ts';
import { renderCommendationNoticePdf } from '../../documents/commendation-notice.document.ts';
import { yearEndText, yearEndWorkbook } from './year-end.presenter.ts';
import { contentDisposition } from '../../content-disposition.ts';

/** The Word documents' writers, loaded with the docx library on the first download (see heavy-modules.ts). */
const wordDocuments = async () => ({
  ...(await import('./notice-docx.presenter.ts')),
  ...(await import('./year-end-docx.presenter.ts')),
});

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
  app.post(
    '/api/evaluation/schemes/preview',
    {
      config: { access: { action: 'update', subject: 'evaluationScheme' } },
      schema: {
        tags,
        summary:
          'What each studio would get under a draft scheme in a past quarter (the last by default); saves nothing',
        body: schemePreviewRequest,
        response: { 200: schemePreview },
      },
    },
    async (request) => evaluation.previewScheme(deps, actorOf(request), request.body),
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
      const locale = request.locale ?? 'zh-CN';
      const name = `${(await yearEndText(locale))('evaluation.yearEndSheet.title', { year: sheet.year })}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(name, `year-end-${sheet.year}.xlsx`))
        .send(await yearEndWorkbook(sheet, locale));
    },
  );

  app.get(
    '/api/evaluation/year-end/rule',
    {
      config: { access: { action: 'read', subject: 'evaluationScore' } },
      schema: { tags, summary: 'The rule of the suggested year-end grade', response: { 200: gradeRule } },
    },
    async (request) => yearEnd.gradeRuleFor(deps, actorOf(request)),
  );
  app.put(
    '/api/evaluation/year-end/rule',
    {
      config: { access: { action: 'update', subject: 'evaluationScheme' } },
      schema: {
        tags,
        summary: 'The district sets the rule of the suggested grade',
        body: gradeRule,
        response: { 200: gradeRule },
      },
    },
    async (request) => yearEnd.setGradeRule(deps, auditContextOf(request, deps.clock), actorOf(request), request.body),
  );
  app.put(
    '/api/evaluation/year-end/:volunteerId/grade',
    {
      config: { access: { action: 'update', subject: 'evaluationScore' } },
      schema: {
        tags,
        summary: "The member's branch confirms the suggested grade or changes it with the reason (优秀 ≤ one third)",
        params: volunteerParam,
        body: decideGradeRequest,
        response: { 200: yearEndMember },
      },
    },
    async (request) =>
      yearEnd.decideGrade(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.volunteerId,
        request.body,
      ),
  );
  app.get(
    '/api/evaluation/year-end/:volunteerId/sheet.docx',
    {
      // A member downloads their own sheet; the service answers 404 for anyone else's.
      config: { access: { action: 'read', subject: 'yearEndSheet' } },
      schema: {
        tags,
        summary: "One member's year-end sheet as Word (a member: their own)",
        params: volunteerParam,
        querystring: memberSheetQuery,
      },
    },
    async (request, reply) => {
      const { volunteerId } = request.params;
      const { sheet, member } = await yearEnd.memberSheet(deps, actorOf(request), volunteerId, request.query.year);
      const locale = request.locale ?? 'zh-CN';
      const name = `${(await yearEndText(locale))('evaluation.yearEndSheet.docName', { year: sheet.year, name: member.name })}.docx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(name, `year-end-${sheet.year}-${volunteerId}.docx`))
        .send(await (await wordDocuments()).memberSheetDocx(sheet.year, member, locale));
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

  app.get(
    '/api/evaluation/notices',
    {
      config: { access: { action: 'read', subject: 'commendationProposal' } },
      schema: {
        tags,
        summary: 'Commendation notices (通报表扬) issued in scope or above it',
        response: { 200: z.array(commendationNotice) },
      },
    },
    async (request) => notices.listNotices(deps, actorOf(request)),
  );
  app.post(
    '/api/evaluation/notices',
    {
      config: { access: { action: 'publish', subject: 'commendationProposal' } },
      schema: {
        tags,
        summary: "Issue the notice of a quarter's confirmed commendations (with the next document number)",
        body: issueNoticeRequest,
        response: { 201: commendationNotice },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await notices.issueNotice(deps, auditContextOf(request, deps.clock), actorOf(request), request.body)),
  );
  app.get(
    '/api/evaluation/notices/:id',
    {
      config: { access: { action: 'read', subject: 'commendationProposal' } },
      schema: { tags, summary: 'One commendation notice', params: idParam, response: { 200: commendationNotice } },
    },
    async (request) => notices.getNotice(deps, actorOf(request), request.params.id),
  );
  const download = (reply: FastifyReply, type: string, name: string, ext: string, body: Buffer) =>
    reply
      .type(type)
      .header('content-disposition', contentDisposition(`${name}.${ext}`, `commendation-notice.${ext}`))
      .send(body);
  app.get(
    '/api/evaluation/notices/:id/notice.docx',
    {
      config: { access: { action: 'read', subject: 'commendationProposal' } },
      schema: { tags, summary: 'The notice as Word (GB/T 9704 layout)', params: idParam },
    },
    async (request, reply) => {
      const c = await notices.noticeContent(deps, actorOf(request), request.params.id);
      return download(
        reply,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `通报表扬${c.number}`,
        'docx',
        await (await wordDocuments()).commendationNoticeDocx(c),
      );
    },
  );
  app.get(
    '/api/evaluation/notices/:id/notice.pdf',
    {
      config: { access: { action: 'read', subject: 'commendationProposal' } },
      schema: { tags, summary: 'The notice as PDF (A4, Chinese font embedded)', params: idParam },
    },
    async (request, reply) => {
      const c = await notices.noticeContent(deps, actorOf(request), request.params.id);
      return download(reply, 'application/pdf', `通报表扬${c.number}`, 'pdf', await renderCommendationNoticePdf(c));
    },
  );
};
