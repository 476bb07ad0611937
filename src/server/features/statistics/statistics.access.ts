import { admins, get, post, put, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { demoAccountId } from '../../../../test/factories/demo.ts';
import { buildImport } from '../../../../test/factories/registry.ts';
import { draftBulletin } from '../../../domain/statistics/bulletin.ts';
import { insertBulletin, insertBulletinVersion } from './bulletins.repository.ts';

const period = 'from=2026-10-01&to=2026-12-01';
const writers = ['district_admin', 'street_admin'] as const;

/** A bulletin of the scene's street (西城街道 in scope, 中城街道 out of it), written by the district admin. */
async function bulletinIn(s: Scene): Promise<number> {
  const author = await demoAccountId(s.db, 'admin');
  const at = '2026-12-01T00:00:00.000Z';
  const id = await insertBulletin(s.db, {
    unit_id: s.street,
    year: 2026,
    number: 100 + s.n,
    period_from: '2026-10-01',
    period_to: '2026-12-01',
    status: 'draft',
    version: 1,
    created_by: author,
    created_at: at,
    updated_at: at,
    issued_at: null,
  });
  const content = draftBulletin({
    unitName: '西城街道',
    issuer: '中共西城街道工作委员会',
    year: 2026,
    number: 100 + s.n,
    date: '2026-12-01',
    periodLabel: '2026年10月至11月',
    figures: {},
    examples: [],
  });
  await insertBulletinVersion(s.db, {
    bulletin_id: id,
    version: 1,
    content_json: JSON.stringify(content),
    author_id: author,
    at,
  });
  return id;
}

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
  'GET /api/bulletins': { allowed: writers, scoped: true, call: (s) => get(`/api/bulletins?under=${s.street}`) },
  'POST /api/bulletins': {
    allowed: writers,
    scoped: true,
    call: (s) => post('/api/bulletins', { under: s.street, from: '2026-10-01', to: '2026-12-01' }),
  },
  'GET /api/bulletins/:id': {
    allowed: writers,
    scoped: true,
    call: async (s) => get(`/api/bulletins/${await bulletinIn(s)}`),
  },
  'PUT /api/bulletins/:id': {
    allowed: writers,
    scoped: true,
    call: async (s) =>
      put(`/api/bulletins/${await bulletinIn(s)}`, {
        version: 1,
        title: '西城街道“共产党员专业服务工作室”简报',
        subtitle: '',
        opening: '本期共服务群众。',
        sections: [{ lead: '服务成效。', paragraphs: ['受到居民群众的广泛好评。'] }],
        tail: { report: '区委组织部', send: '街道党工委委员', distribute: '各社区党组织', copies: 30 },
      }),
  },
  'GET /api/bulletins/:id/export.docx': {
    allowed: writers,
    scoped: true,
    call: async (s) => get(`/api/bulletins/${await bulletinIn(s)}/export.docx`),
  },
  'GET /api/bulletins/:id/export.pdf': {
    allowed: writers,
    scoped: true,
    call: async (s) => get(`/api/bulletins/${await bulletinIn(s)}/export.pdf`),
  },
  'GET /api/network-imports/:kind/template.xlsx': {
    allowed: writers,
    call: () => get('/api/network-imports/studios/template.xlsx'),
  },
  'POST /api/network-imports/:kind': {
    allowed: writers,
    call: () => ({
      method: 'POST',
      url: '/api/network-imports/service-records?filename=book.xlsx',
      payload: Buffer.from('PK'),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
  },
  // A checked record book, uploaded by the place's party organisation.
  'GET /api/network-imports/:kind/:id': {
    allowed: writers,
    scoped: true,
    call: async (s) =>
      get(
        `/api/network-imports/service-records/${(await buildImport(s.db, { uploaderId: s.adminId, kind: 'service-records' })).id}`,
      ),
  },
  'POST /api/network-imports/:kind/:id/commit': {
    allowed: writers,
    scoped: true,
    call: async (s) =>
      post(
        `/api/network-imports/studios/${(await buildImport(s.db, { uploaderId: s.adminId, kind: 'studios' })).id}/commit`,
        {
          mode: 'valid',
        },
      ),
  },
  'GET /api/bulletins/:id/print': {
    allowed: writers,
    scoped: true,
    call: async (s) => get(`/api/bulletins/${await bulletinIn(s)}/print`),
  },
  'GET /api/public/statistics': {
    allowed: 'anyone',
    call: (s) => get(`/api/public/statistics?unit=${s.community}&${period}`),
  },
};
