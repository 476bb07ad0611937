import { admins, get, post, put, type AccessCases } from '../../../../test/access/case.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';

/** Accounts' rows of the access matrix: the party organisations manage the accounts of their subtree. */
export const accessCases: AccessCases = {
  'GET /api/accounts': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/accounts?under=${s.under}`),
  },
  'GET /api/accounts/export.xlsx': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/accounts/export.xlsx?under=${s.under}`),
  },
  'POST /api/accounts': {
    allowed: admins,
    scoped: true,
    call: (s) =>
      post('/api/accounts', {
        username: `matrix${s.n}`,
        displayName: '测试',
        password: 'Strong#Pass1',
        role: 'member',
        unitId: s.community,
      }),
  },
  'POST /api/accounts/:id/unlock': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const locked = await buildAccount(s.db, {
        unitId: s.community,
        failedCount: 5,
        lockedUntil: '2026-11-25T08:30:00.000Z',
      });
      return post(`/api/accounts/${locked.id}/unlock`);
    },
  },
  'PUT /api/accounts/:id/disabled': {
    allowed: admins,
    scoped: true,
    call: async (s) =>
      put(`/api/accounts/${(await buildAccount(s.db, { unitId: s.community })).id}/disabled`, {
        disabled: true,
      }),
  },
};
