import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import type { AuditEntry } from '../../../contract/audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/audit-log', () => {
  it('shows a district admin every change with actor, unit, before/after, IP and request id, newest first', async () => {
    const street = await t.login('xicheng');
    await street
      .patch(`/api/org-units/${await t.unitId('350802003004')}`, { address: '龙岩市新罗区西兴路' })
      .then((r) => expect(r.statusCode).toBe(200));
    const c = await t.login('admin');
    const page = (await c.get('/api/audit-log?entity=orgUnit')).json() as { items: AuditEntry[]; total: number };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      actorName: 'xicheng',
      action: 'update',
      after: { address: '龙岩市新罗区西兴路' },
      before: { address: null },
    });
    expect(page.items[0]?.ip).toBeTruthy();
    expect(page.items[0]?.requestId).toBeTruthy();
    const logins = (await c.get('/api/audit-log?action=login&limit=5')).json() as { items: AuditEntry[] };
    expect(logins.items[0]?.actorName).toBe('admin');
  });

  it('filters by date range', async () => {
    const c = await t.login('admin');
    expect(
      ((await c.get('/api/audit-log?from=2026-11-25&to=2026-11-25')).json() as { total: number }).total,
    ).toBeGreaterThan(0);
    expect(((await c.get('/api/audit-log?from=2027-01-01')).json() as { total: number }).total).toBe(0);
    expect((await c.get('/api/audit-log?from=yesterday')).statusCode).toBe(400);
  });

  it('is closed to every role but the district admin', async () => {
    for (const user of ['xicheng', 'xixing', 'zhangwanzhen', 'jiandu']) {
      expect((await (await t.login(user)).get('/api/audit-log')).statusCode, user).toBe(403);
    }
  });

  it('cannot be edited or deleted through the API', async () => {
    const c = await t.login('admin');
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'] as const) {
      const res = await c.request({ method, url: '/api/audit-log/1', payload: method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, method).toBe(404);
    }
    // The list exists for GET alone: any other method answers 405 (issue 9, finding 6).
    const del = await c.request({ method: 'DELETE', url: '/api/audit-log' });
    expect(del.statusCode).toBe(405);
    expect(String(del.headers.allow)).toContain('GET');
  });
});
