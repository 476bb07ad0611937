import type { InjectOptions } from 'fastify';
import type { Role } from '../../../domain/access/roles.ts';
import { get, post, put, type AccessCase, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';
import { buildSupervisor, demoSupervisorId } from '../../../../test/factories/inspections.ts';

/**
 * The scene's roster entry: in scope the demo supervisor jiandu's (who signs in for the matrix),
 * or a colleague's on his street when the matrix checks his `own` rule; out of scope one of 中城街道.
 * Inspections are planned for it too.
 */
export const rosterEntryOf = async (s: Scene): Promise<number> =>
  s.inScope && !s.othersOwn ? demoSupervisorId(s.db) : (await buildSupervisor(s.db, { streetId: s.street })).id;

/** The street keeps the roster and the district reads it; a supervisor reads only their own entry. */
const readers: readonly Role[] = ['district_admin', 'street_admin', 'supervisor'];

const details = { name: '林秀琴', phone: '13905970301', communityId: null };

/** A read of the scene's roster entry. */
const read = (suffix: string): AccessCase => ({
  allowed: readers,
  ownedBy: ['supervisor'],
  scoped: true,
  call: async (s) => get(`/api/supervisors/${await rosterEntryOf(s)}${suffix}`),
});

/** What only the street does with an entry of its roster: a fresh one, so the demo entry stays as it is. */
const streetOnly = (build: (id: number) => InjectOptions): AccessCase => ({
  allowed: ['street_admin'],
  scoped: true,
  call: async (s) => build((await buildSupervisor(s.db, { streetId: s.street })).id),
});

/**
 * Citizen supervisors' rows of the access matrix (群众监督员): the street appoints, edits, renews
 * and dismisses the supervisors of its roster and alone sees their phones; the district reads
 * every street's roster; a supervisor reads their own entry and appointment letter.
 */
export const accessCases: AccessCases = {
  'GET /api/supervisors': {
    allowed: readers,
    ownedBy: ['supervisor'],
    list: true,
    scoped: true,
    call: (s) => get(`/api/supervisors?under=${s.street}`),
  },
  'POST /api/supervisors': {
    allowed: ['street_admin'],
    scoped: true,
    call: async (s) =>
      post('/api/supervisors', {
        accountId: (await buildAccount(s.db, { role: 'supervisor', unitId: s.street })).id,
        ...details,
        appointedOn: '2026-11-01',
      }),
  },
  'GET /api/supervisors/:id': read(''),
  'PUT /api/supervisors/:id': streetOnly((id) => put(`/api/supervisors/${id}`, details)),
  'GET /api/supervisors/:id/contact': streetOnly((id) => get(`/api/supervisors/${id}/contact`)),
  'POST /api/supervisors/:id/renew': streetOnly((id) => post(`/api/supervisors/${id}/renew`, {})),
  'POST /api/supervisors/:id/dismiss': streetOnly((id) =>
    post(`/api/supervisors/${id}/dismiss`, { reason: '矩阵测试' }),
  ),
  'GET /api/supervisors/:id/appointment-letter.pdf': read('/appointment-letter.pdf'),
};
