import { admins, get, post, put, staff, type AccessCases } from '../../../../test/access/case.ts';
import {
  buildConfirmedCommendation,
  buildEvaluationProposal,
  buildNotice,
  buildScore,
  buildServingPartyMember,
} from '../../../../test/factories/evaluation.ts';
import { defaultScheme } from '../../../domain/evaluation/scheme.ts';

/**
 * Quantitative evaluation's rows of the access matrix: the district sets the scheme, runs the
 * quarter and decides commendations; the street decides reviews of its studios; every staff
 * account reads the scores of the studios it may see.
 */
export const accessCases: AccessCases = {
  'GET /api/evaluation/schemes': { allowed: admins, call: () => get('/api/evaluation/schemes') },
  'POST /api/evaluation/schemes': {
    allowed: ['district_admin'],
    call: () => post('/api/evaluation/schemes', { effectiveFrom: '2026-12-01', config: defaultScheme }),
  },
  'GET /api/evaluation/schemes/:version': { allowed: admins, call: () => get('/api/evaluation/schemes/1') },
  'POST /api/evaluation/runs': {
    allowed: ['district_admin'],
    call: () => post('/api/evaluation/runs', { quarter: '2026-Q3', dryRun: true }),
  },
  'GET /api/evaluation/scores': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/evaluation/scores?quarter=2026-Q3&under=${s.under}`),
  },
  'GET /api/evaluation/scores/:id': {
    allowed: staff,
    scoped: true,
    call: async (s) => get(`/api/evaluation/scores/${(await buildScore(s.db, s.owner)).scoreId}`),
  },
  'GET /api/studios/:id/evaluation': {
    allowed: staff,
    scoped: true,
    call: async (s) => get(`/api/studios/${(await buildScore(s.db, s.owner)).studioId}/evaluation?quarter=2026-Q3`),
  },
  'GET /api/evaluation/year-end': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/evaluation/year-end?year=2026&under=${s.under}`),
  },
  'GET /api/evaluation/year-end.xlsx': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/evaluation/year-end.xlsx?year=2026&under=${s.under}`),
  },
  'GET /api/evaluation/proposals': {
    allowed: ['district_admin', 'street_admin'],
    scoped: true,
    call: (s) => get(`/api/evaluation/proposals?under=${s.under}`),
  },
  'POST /api/evaluation/commendations/:id/confirm': {
    allowed: ['district_admin'],
    scoped: true,
    call: async (s) =>
      post(
        `/api/evaluation/commendations/${(await buildEvaluationProposal(s.db, 'commendation', s.owner)).id}/confirm`,
        {},
      ),
  },
  'POST /api/evaluation/commendations/:id/reject': {
    allowed: ['district_admin'],
    scoped: true,
    call: async (s) =>
      post(
        `/api/evaluation/commendations/${(await buildEvaluationProposal(s.db, 'commendation', s.owner)).id}/reject`,
        { reason: '材料不实' },
      ),
  },
  'POST /api/evaluation/reviews/:id/confirm': {
    allowed: ['street_admin'],
    scoped: true,
    call: async (s) =>
      post(`/api/evaluation/reviews/${(await buildEvaluationProposal(s.db, 'review', s.owner)).id}/confirm`, {
        outcome: 'rectify',
        deadline: '2026-12-31',
      }),
  },
  'POST /api/evaluation/reviews/:id/reject': {
    allowed: ['street_admin'],
    scoped: true,
    call: async (s) =>
      post(`/api/evaluation/reviews/${(await buildEvaluationProposal(s.db, 'review', s.owner)).id}/reject`, {
        reason: '已整改',
      }),
  },
  'POST /api/evaluation/schemes/preview': {
    allowed: ['district_admin'],
    call: () => post('/api/evaluation/schemes/preview', { quarter: '2026-Q3', config: defaultScheme }),
  },
  'GET /api/evaluation/notices': {
    allowed: ['district_admin', 'street_admin'],
    call: () => get('/api/evaluation/notices'),
  },
  'POST /api/evaluation/notices': {
    allowed: ['district_admin'],
    call: async (s) => {
      await buildConfirmedCommendation(s.db, s.owner);
      return post('/api/evaluation/notices', { quarter: '2026-Q3' });
    },
  },
  'GET /api/evaluation/notices/:id': {
    allowed: ['district_admin', 'street_admin'],
    scoped: true,
    call: async (s) => get(`/api/evaluation/notices/${(await buildNotice(s.db, s.street)).id}`),
  },
  'GET /api/evaluation/notices/:id/notice.docx': {
    allowed: ['district_admin', 'street_admin'],
    scoped: true,
    call: async (s) => get(`/api/evaluation/notices/${(await buildNotice(s.db, s.street)).id}/notice.docx`),
  },
  'GET /api/evaluation/notices/:id/notice.pdf': {
    allowed: ['district_admin', 'street_admin'],
    scoped: true,
    call: async (s) => get(`/api/evaluation/notices/${(await buildNotice(s.db, s.street)).id}/notice.pdf`),
  },
  'GET /api/evaluation/year-end/rule': { allowed: staff, call: () => get('/api/evaluation/year-end/rule') },
  'PUT /api/evaluation/year-end/rule': {
    allowed: ['district_admin'],
    call: () =>
      put('/api/evaluation/year-end/rule', {
        excellentFrom: 90,
        qualifiedFrom: 75,
        basicFrom: 60,
        excellentRequiresNoComplaint: true,
      }),
  },
  'PUT /api/evaluation/year-end/:volunteerId/grade': {
    allowed: admins,
    scoped: true,
    call: async (s) =>
      put(`/api/evaluation/year-end/${(await buildServingPartyMember(s.db, s.owner)).volunteerId}/grade`, {
        year: 2026,
        grade: 'qualified',
        reason: '全年服务正常',
      }),
  },
  'GET /api/evaluation/year-end/:volunteerId/sheet.docx': {
    allowed: [...admins, 'member'],
    ownedBy: ['member'],
    scoped: true,
    // The sheet of the owner's own registry person (the member 张婉珍 in scope, 钟国华 when the
    // matrix checks the `own` rule): the leader of the studio built for them.
    call: async (s) =>
      get(
        `/api/evaluation/year-end/${(await buildServingPartyMember(s.db, s.owner, { asLeader: true })).volunteerId}/sheet.docx?year=2026`,
      ),
  },
};
