import { admins, get, post, put, staff, type AccessCases } from '../../../../test/access/case.ts';
import { categoryIdOf } from '../../../../test/factories/categories.ts';
import { buildResidentialArea, buildVenue } from '../../../../test/factories/siting.ts';

const at = { lng: 117.02, lat: 25.09 };

/** Siting's rows of the access matrix: everyone sees the map of their subtree; admins record places. */
export const accessCases: AccessCases = {
  'GET /api/venues': { allowed: staff, scoped: true, call: (s) => get(`/api/venues?under=${s.under}`) },
  'POST /api/venues': {
    allowed: admins,
    scoped: true,
    call: (s) => post('/api/venues', { unitId: s.community, type: 'market', name: '市场', ...at }),
  },
  'PUT /api/venues/:id': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const venue = await buildVenue(s.db, { unitId: s.community });
      return put(`/api/venues/${venue.id}`, { unitId: s.community, type: 'office', name: '楼宇', ...at });
    },
  },
  'GET /api/residential-areas': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/residential-areas?under=${s.under}`),
  },
  'POST /api/residential-areas': {
    allowed: admins,
    scoped: true,
    call: (s) => post('/api/residential-areas', { unitId: s.community, name: '小区', population: 100, ...at }),
  },
  'PUT /api/residential-areas/:id': {
    allowed: admins,
    scoped: true,
    call: async (s) => {
      const area = await buildResidentialArea(s.db, { unitId: s.community });
      return put(`/api/residential-areas/${area.id}`, { unitId: s.community, name: '小区', population: 120, ...at });
    },
  },
  'GET /api/siting/coverage': {
    allowed: staff,
    scoped: true,
    call: async (s) => get(`/api/siting/coverage?categoryId=${await categoryIdOf(s.db, 'legal')}&under=${s.under}`),
  },
  'GET /api/map/layers': { allowed: staff, scoped: true, call: (s) => get(`/api/map/layers?under=${s.under}`) },
  'GET /api/map/outline': { allowed: staff, call: () => get('/api/map/outline') },
  'GET /api/map/settings': { allowed: staff, call: () => get('/api/map/settings') },
  'PUT /api/map/settings': {
    allowed: ['district_admin'],
    call: () => put('/api/map/settings', { tiles: { kind: 'none' }, coverageRadiusM: 1000 }),
  },
};
