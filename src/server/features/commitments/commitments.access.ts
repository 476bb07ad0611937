import { admins, get, post, put, staff, type AccessCases } from '../../../../test/access/case.ts';
import { buildCommitment } from '../../../../test/factories/commitments.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';

const items = { items: [{ kind: 'hours', text: '每周六上午开放' }] };

/**
 * Public commitments' rows of the access matrix: the studio's leading member (张婉珍 in scope)
 * writes and publishes them, admins may too; only the organisations judge whether one was kept.
 */
export const accessCases: AccessCases = {
  'GET /api/studios/:id/commitments': {
    allowed: staff,
    scoped: true,
    call: async (s) => get(`/api/studios/${(await buildStudio(s.db, s.owner)).id}/commitments`),
  },
  'PUT /api/studios/:id/commitments': {
    allowed: [...admins, 'member'],
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => put(`/api/studios/${(await buildStudio(s.db, s.owner)).id}/commitments`, items),
  },
  'GET /api/studios/:id/commitments/preview': {
    allowed: [...admins, 'member'],
    ownedBy: ['member'],
    scoped: true,
    call: async (s) =>
      get(
        `/api/studios/${(await buildCommitment(s.db, { ...s.owner, status: 'draft' })).studioId}/commitments/preview`,
      ),
  },
  'POST /api/studios/:id/commitments/publish': {
    allowed: [...admins, 'member'],
    ownedBy: ['member'],
    scoped: true,
    call: async (s) =>
      post(
        `/api/studios/${(await buildCommitment(s.db, { ...s.owner, status: 'draft' })).studioId}/commitments/publish`,
      ),
  },
  'POST /api/studios/:id/commitments/:commitmentId/fulfilment': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const c = await buildCommitment(s.db, s.owner);
      return post(`/api/studios/${c.studioId}/commitments/${c.id}/fulfilment`, { period: '2026-11', kept: true });
    },
  },
};
