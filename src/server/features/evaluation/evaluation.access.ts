import { admins, get, post, staff, type AccessCases } from '../../../../test/access/case.ts';
import { buildEvaluationProposal, buildScore } from '../../../../test/factories/evaluation.ts';
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
};
