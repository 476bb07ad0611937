import { admins, get, post, put, staff, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { categoryIdOf } from '../../../../test/factories/categories.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { buildRequest, type RequestStatus } from '../../../../test/factories/requests.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';

/** A record's fields, as written or corrected: a home visit to take a blood pressure. */
const recordBody = async (s: Scene) => ({
  servedAt: '2026-11-25T06:00:00.000Z',
  durationMinutes: 60,
  groups: ['elderly'],
  categoryId: await categoryIdOf(s.db, 'health'),
  mode: 'home',
  content: '上门量血压',
  personTimes: 1,
});

/** A request in a state, routed to a fresh health studio of the scene's owner (张婉珍 in scope). */
const requestIn = (s: Scene, status: RequestStatus) => buildRequest(s.db, { ...s.owner, status });
/** A record of a fresh health studio of the scene's owner, written by that owner. */
const recordIn = async (s: Scene) => (await buildRecord(s.db, s.owner)).id;
const handlers = [...admins, 'member'] as const;

/**
 * Service delivery's rows of the access matrix: a studio's members (张婉珍 in scope) handle its
 * requests and keep its record book; the party organisations above see them and may act for a
 * member who cannot; only a record's author corrects it. Residents ask, follow and rate.
 */
export const accessCases: AccessCases = {
  'GET /api/requests': { allowed: staff, scoped: true, call: (s) => get(`/api/requests?under=${s.under}`) },
  'GET /api/requests/export.xlsx': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/requests/export.xlsx?under=${s.under}`),
  },
  'GET /api/requests/:id/contact': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => get(`/api/requests/${(await requestIn(s, 'assigned')).id}/contact`),
  },
  'POST /api/requests/:id/accept': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => post(`/api/requests/${(await requestIn(s, 'assigned')).id}/accept`),
  },
  'POST /api/requests/:id/complete': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => post(`/api/requests/${(await requestIn(s, 'accepted')).id}/complete`),
  },
  'POST /api/requests/:id/decline': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => post(`/api/requests/${(await requestIn(s, 'assigned')).id}/decline`, { reason: '外出' }),
  },
  'POST /api/records': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => ({
      ...post('/api/records', { studioId: (await buildStudio(s.db, s.owner)).id, ...(await recordBody(s)) }),
      headers: { 'idempotency-key': `matrix-record-${s.n}` },
    }),
  },
  'GET /api/records': { allowed: staff, scoped: true, call: (s) => get(`/api/records?under=${s.under}`) },
  'GET /api/records/stats': { allowed: staff, scoped: true, call: (s) => get(`/api/records/stats?under=${s.under}`) },
  'GET /api/records/export.xlsx': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/records/export.xlsx?under=${s.under}`),
  },
  'GET /api/records/:id': { allowed: staff, scoped: true, call: async (s) => get(`/api/records/${await recordIn(s)}`) },
  'GET /api/records/:id/revisions': {
    allowed: staff,
    scoped: true,
    call: async (s) => get(`/api/records/${await recordIn(s)}/revisions`),
  },
  'PUT /api/records/:id': {
    allowed: ['member'],
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => put(`/api/records/${await recordIn(s)}`, await recordBody(s)),
  },
  'POST /api/records/:id/feedback': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => post(`/api/records/${await recordIn(s)}/feedback`, { onDate: '2026-11-25', result: '已回访' }),
  },
  'GET /api/records/:id/receipt': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => get(`/api/records/${await recordIn(s)}/receipt`),
  },
  'GET /api/records/:id/receipt.pdf': {
    allowed: handlers,
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => get(`/api/records/${await recordIn(s)}/receipt.pdf?size=a4`),
  },
  'GET /api/settings/records': { allowed: staff, call: () => get('/api/settings/records') },
  'PUT /api/settings/records': {
    allowed: ['district_admin'],
    call: () => put('/api/settings/records', { correctionHours: 72 }),
  },
  'GET /api/public/nearest': { allowed: 'anyone', call: (s) => get(`/api/public/nearest?unitId=${s.community}`) },
  'POST /api/public/requests': {
    allowed: 'anyone',
    call: async (s) =>
      post('/api/public/requests', {
        categoryId: await categoryIdOf(s.db, 'health'),
        text: '想请医生上门量血压',
        unitId: s.community,
        residentName: '王',
        residentPhone: `1350000${String(s.n).padStart(4, '0')}`,
      }),
  },
  'POST /api/public/requests/lookup': {
    allowed: 'anyone',
    call: async (s) => {
      const phone = `1360000${String(s.n).padStart(4, '0')}`;
      const r = await buildRequest(s.db, { ...s.owner, status: 'completed', residentPhone: phone });
      return post('/api/public/requests/lookup', { phone, codeTail: r.trackingCode.slice(-4) });
    },
  },
  'GET /api/public/requests/:code': {
    allowed: 'anyone',
    call: async (s) => get(`/api/public/requests/${(await requestIn(s, 'completed')).trackingCode}`),
  },
  'GET /api/public/ratings/:code': {
    allowed: 'anyone',
    call: async (s) => get(`/api/public/ratings/${(await requestIn(s, 'completed')).trackingCode}`),
  },
  'POST /api/public/ratings/:code': {
    allowed: 'anyone',
    call: async (s) => post(`/api/public/ratings/${(await requestIn(s, 'completed')).trackingCode}`, { score: 4 }),
  },
};
