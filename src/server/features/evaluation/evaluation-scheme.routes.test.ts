import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import type { Scheme } from '../../../contract/evaluation.ts';

// The scheme editor's refusals: each names the field it is about by its path in the request
// body, so the editor marks that very input (src/web/lib/form-errors.ts).

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('a draft scheme refused', () => {
  it('names the refused field of a draft by its path, for the editor to mark', async () => {
    const [current] = (await admin.get('/api/evaluation/schemes')).json() as Scheme[];
    const config = current?.config as Scheme['config'];
    const issuesOf = async (url: string, body: unknown) => {
      const res = await admin.post(url, body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      return (res.json() as { issues?: Array<{ path: string }> }).issues?.map((i) => i.path);
    };
    const repeated = { ...config, items: [...config.items, { ...config.items[1] }] };
    expect(await issuesOf('/api/evaluation/schemes/preview', { config: repeated })).toEqual([
      `body.config.items.${config.items.length}.code`,
    ]);
    const deductingBase = {
      ...config,
      items: config.items.map((i, n) => (n === 0 ? { ...i, direction: 'deduct' } : i)),
    };
    expect(await issuesOf('/api/evaluation/schemes', { effectiveFrom: '2026-10-01', config: deductingBase })).toEqual([
      'body.config.items.0.direction',
    ]);
    const repeatedVeto = { ...config, vetoes: [...config.vetoes, ...config.vetoes] };
    expect(await issuesOf('/api/evaluation/schemes/preview', { config: repeatedVeto })).toEqual([
      'body.config.vetoes.1.code',
    ]);
    const negativeCap = { ...config, items: config.items.map((i, n) => (n === 2 ? { ...i, cap: -1 } : i)) };
    expect(await issuesOf('/api/evaluation/schemes/preview', { config: negativeCap })).toEqual([
      'body.config.items.2.cap',
    ]);
    expect(await issuesOf('/api/evaluation/schemes', { effectiveFrom: '2026-07-01', config })).toEqual([
      'body.effectiveFrom',
    ]);
    expect((await admin.get('/api/evaluation/schemes')).json()).toHaveLength(1);
    const street = await t.login('xicheng');
    expect((await street.post('/api/evaluation/schemes/preview', { config })).statusCode).toBe(403);
  });

  it('publishes an edited draft: points, direction, veto items and proposal rules as sent', async () => {
    const [current] = (await admin.get('/api/evaluation/schemes')).json() as Scheme[];
    const config = current?.config as Scheme['config'];
    const edited = {
      ...config,
      items: config.items.map((i) => (i.code === 'base' ? { ...i, points: 30 } : i)),
      vetoes: [],
      proposals: { ...config.proposals, complaintsInWindow: 3, windowQuarters: 4 },
    };
    const res = await admin.post('/api/evaluation/schemes', { effectiveFrom: '2027-01-01', config: edited });
    expect(res.statusCode, res.body).toBe(201);
    const published = (await admin.get(`/api/evaluation/schemes/${(res.json() as Scheme).version}`)).json() as Scheme;
    expect(published).toMatchObject({ effectiveFrom: '2027-01-01', config: edited });
  });
});
