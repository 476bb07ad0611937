import { admins, get, post, put, type AccessCases } from '../../../../test/access/case.ts';
import { buildImport, buildVolunteer } from '../../../../test/factories/registry.ts';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The registry's rows of the access matrix: the party organisations find people in their subtree, add, edit, screen, import and export them, and read their contact details.
 */
export const accessCases: AccessCases = {
  'GET /api/volunteers': { allowed: admins, scoped: true, call: (s) => get(`/api/volunteers?under=${s.under}`) },
  'GET /api/volunteers/:id': {
    allowed: admins,
    scoped: true,
    call: async (s) => get(`/api/volunteers/${(await buildVolunteer(s.db, { unitId: s.community })).id}`),
  },
  'GET /api/volunteers/:id/contact': {
    allowed: admins,
    scoped: true,
    call: async (s) => get(`/api/volunteers/${(await buildVolunteer(s.db, { unitId: s.community })).id}/contact`),
  },
  'POST /api/volunteers': {
    allowed: admins,
    scoped: true,
    call: (s) =>
      post('/api/volunteers', {
        kind: 'talent',
        name: '矩阵',
        phone: `1370000${String(s.n).padStart(4, '0')}`,
        unitId: s.community,
      }),
  },
  'PUT /api/volunteers/:id': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const v = await buildVolunteer(s.db, { unitId: s.community });
      return put(`/api/volunteers/${v.id}`, {
        kind: 'party_member',
        name: v.name,
        phone: v.phone,
        unitId: s.community,
      });
    },
  },
  'POST /api/volunteers/:id/screening': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const v = await buildVolunteer(s.db, { unitId: s.community, screening: 'candidate' });
      return post(`/api/volunteers/${v.id}/screening`, { status: 'selected', reason: '符合条件' });
    },
  },
  'GET /api/registry/template.xlsx': { allowed: admins, call: () => get('/api/registry/template.xlsx') },
  'GET /api/registry/export.xlsx': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/registry/export.xlsx?under=${s.under}`),
  },
  'POST /api/registry/imports': {
    allowed: admins,
    call: () => ({
      method: 'POST',
      url: '/api/registry/imports',
      payload: Buffer.from('PK'),
      headers: { 'content-type': xlsx },
    }),
  },
  // A validated import, uploaded by the place's party organisation.
  'GET /api/registry/imports/:id': {
    allowed: admins,
    scoped: true,
    call: async (s) => get(`/api/registry/imports/${(await buildImport(s.db, { uploaderId: s.adminId })).id}`),
  },
  'POST /api/registry/imports/:id/commit': {
    allowed: admins,
    scoped: true,
    call: async (s) =>
      post(`/api/registry/imports/${(await buildImport(s.db, { uploaderId: s.adminId })).id}/commit`, {
        mode: 'valid',
      }),
  },
};
