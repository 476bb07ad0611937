import { admins, get, put, type AccessCases } from '../../../../test/access/case.ts';

const period = 'from=2026-10-01&to=2026-12-01';

/**
 * Statistics' rows of the access matrix: the party organisations see and export the figures of
 * their subtree; the district alone sets the public small-count minimum; anyone reads the
 * public figures (small counts withheld).
 */
export const accessCases: AccessCases = {
  'GET /api/statistics/dashboard': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/statistics/dashboard?${period}&under=${s.under}`),
  },
  'GET /api/statistics/export.xlsx': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/statistics/export.xlsx?${period}&under=${s.under}&chart=servicesByGroup`),
  },
  'GET /api/statistics/settings': { allowed: admins, call: () => get('/api/statistics/settings') },
  'PUT /api/statistics/settings': {
    allowed: ['district_admin'],
    call: () => put('/api/statistics/settings', { minimumCount: 5 }),
  },
  'GET /api/public/statistics': {
    allowed: 'anyone',
    call: (s) => get(`/api/public/statistics?unit=${s.community}&${period}`),
  },
};
