import type { Role } from '../../../domain/access/roles.ts';
import { defaultChecklist } from '../../../domain/inspections/checklist.ts';
import { admins, get, post, put, type AccessCase, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { buildInspection, buildProposal, buildSupervisor, ratingsOf } from '../../../../test/factories/inspections.ts';
import { rosterEntryOf } from './supervisors.access.ts';

/** The party organisations read inspections in their subtree; a supervisor only those planned for them. */
const readers: readonly Role[] = [...admins, 'supervisor'];

/** An inspection of a fresh serving studio of the scene's owner, in a state, planned for the scene's supervisor. */
const inspectionIn = async (s: Scene, status: 'planned' | 'submitted') =>
  (await buildInspection(s.db, { ...s.owner, supervisorId: await rosterEntryOf(s), status })).id;

/** The form as the phone sends it, visited on the test clock's morning. */
const form = { visitedAt: '2026-11-25T07:30:00.000Z', ratings: ratingsOf() };

/** A step of a planned inspection that only the street takes. */
const streetStep = (suffix: string, body: (s: Scene) => Promise<unknown>): AccessCase => ({
  allowed: ['street_admin'],
  scoped: true,
  call: async (s) => post(`/api/inspections/${await inspectionIn(s, 'planned')}/${suffix}`, await body(s)),
});

/**
 * Quarterly inspections' rows of the access matrix: the district sets the checklist; the street
 * plans the quarter, reassigns or cancels a planned visit and decides the rectification
 * proposals a low total makes; a supervisor sees, submits and corrects only the inspections
 * planned for them (another's does not exist for them).
 */
export const accessCases: AccessCases = {
  'GET /api/inspection-checklist': { allowed: readers, call: () => get('/api/inspection-checklist') },
  'PUT /api/inspection-checklist': {
    allowed: ['district_admin'],
    call: () => put('/api/inspection-checklist', defaultChecklist),
  },
  'GET /api/inspection-checklist/versions/:version': {
    allowed: readers,
    call: () => get('/api/inspection-checklist/versions/1'),
  },
  'GET /api/inspections': {
    allowed: readers,
    ownedBy: ['supervisor'],
    list: true,
    scoped: true,
    call: (s) => get(`/api/inspections?under=${s.under}`),
  },
  'POST /api/inspections/plan': {
    allowed: ['street_admin'],
    scoped: true,
    call: (s) => post('/api/inspections/plan', { streetId: s.street }),
  },
  'GET /api/inspections/coverage': {
    allowed: admins,
    scoped: true,
    call: (s) => get(`/api/inspections/coverage?under=${s.under}`),
  },
  'GET /api/inspections/:id': {
    allowed: readers,
    ownedBy: ['supervisor'],
    scoped: true,
    call: async (s) => get(`/api/inspections/${await inspectionIn(s, 'planned')}`),
  },
  'POST /api/inspections/:id/submit': {
    allowed: ['supervisor'],
    ownedBy: ['supervisor'],
    scoped: true,
    call: async (s) => ({
      ...post(`/api/inspections/${await inspectionIn(s, 'planned')}/submit`, form),
      headers: { 'idempotency-key': `matrix-inspection-${s.n}` },
    }),
  },
  'POST /api/inspections/:id/correct': {
    allowed: ['supervisor'],
    ownedBy: ['supervisor'],
    scoped: true,
    call: async (s) => post(`/api/inspections/${await inspectionIn(s, 'submitted')}/correct`, form),
  },
  'POST /api/inspections/:id/reassign': streetStep('reassign', async (s) => ({
    supervisorId: (await buildSupervisor(s.db, { streetId: s.street })).id,
  })),
  'POST /api/inspections/:id/cancel': streetStep('cancel', async () => ({ reason: '矩阵测试' })),
  'GET /api/inspections/:id/photos/:position': {
    allowed: readers,
    ownedBy: ['supervisor'],
    scoped: true,
    call: async (s) => get(`/api/inspections/${await inspectionIn(s, 'submitted')}/photos/1`),
  },
  'GET /api/rectification-proposals': {
    allowed: ['district_admin', 'street_admin'],
    scoped: true,
    call: (s) => get(`/api/rectification-proposals?under=${s.under}`),
  },
  'POST /api/rectification-proposals/:id/confirm': {
    allowed: ['street_admin'],
    scoped: true,
    call: async (s) =>
      post(`/api/rectification-proposals/${(await buildProposal(s.db, s.owner)).id}/confirm`, {
        deadline: '2026-12-31',
      }),
  },
  'POST /api/rectification-proposals/:id/reject': {
    allowed: ['street_admin'],
    scoped: true,
    call: async (s) =>
      post(`/api/rectification-proposals/${(await buildProposal(s.db, s.owner)).id}/reject`, { reason: '矩阵测试' }),
  },
};
