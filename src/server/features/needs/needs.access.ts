import { admins, get, post, put, type AccessCases } from '../../../../test/access/case.ts';
import { categoryIdOf } from '../../../../test/factories/categories.ts';
import { buildNeed } from '../../../../test/factories/needs.ts';

const need = (unitId: number) => ({ unitId, channel: 'diary', recordedOn: '2026-11-20', text: '希望有人来教广场舞' });

/** Needs intake's rows of the access matrix: residents' words are for the party organisations only. */
export const accessCases: AccessCases = {
  'POST /api/needs': { allowed: admins, scoped: true, call: (s) => post('/api/needs', need(s.community)) },
  'POST /api/needs/classify': {
    allowed: admins,
    call: () => post('/api/needs/classify', { text: '希望有人来教广场舞' }),
  },
  'GET /api/needs': { allowed: admins, scoped: true, call: (s) => get(`/api/needs?under=${s.under}`) },
  'GET /api/needs/export.xlsx': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/needs/export.xlsx?under=${s.under}`),
  },
  'PUT /api/needs/:id/category': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const { id } = await buildNeed(s.db, { unitId: s.community, createdBy: s.adminId });
      return put(`/api/needs/${id}/category`, { categoryId: await categoryIdOf(s.db, 'culture') });
    },
  },
  'GET /api/needs/pressing': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/needs/pressing?from=2026-09-01&to=2026-11-30&under=${s.under}`),
  },
};
