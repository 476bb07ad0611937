import { admins, get, patch, post, staff, type AccessCases } from '../../../../test/access/case.ts';

/** The org tree's rows of the access matrix: every staff role reads its subtree; admins edit it. */
export const accessCases: AccessCases = {
  'GET /api/org-units': { allowed: staff, scoped: true, call: (s) => get(`/api/org-units?under=${s.under}`) },
  'GET /api/org-units/:id': { allowed: staff, scoped: true, call: (s) => get(`/api/org-units/${s.community}`) },
  'GET /api/org-units/:id/summary': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/org-units/${s.community}/summary`),
  },
  'GET /api/org-units/:id/children': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/org-units/${s.under}/children`),
  },
  // Units are added under a street (the community admin's own unit is a leaf).
  'POST /api/org-units': {
    allowed: ['district_admin', 'street_admin'],
    scoped: true,
    call: (s) =>
      post('/api/org-units', { parentId: s.street, code: `M${s.n}`, name: `矩阵测试企业${s.n}`, level: 'enterprise' }),
  },
  'PATCH /api/org-units/:id': {
    allowed: admins,
    scoped: true,
    call: (s) => patch(`/api/org-units/${s.community}`, { address: '龙岩市新罗区西城街道西兴路 1 号' }),
  },
};
