import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// The log lines the app writes, parsed.
const lines: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});
const securityEvents = () =>
  lines
    .map((l) => JSON.parse(l) as { security?: Record<string, unknown>; level: number })
    .filter((l) => l.security)
    .map((l) => l.security as Record<string, unknown>);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: { level: 'warn', stream } });
});
afterAll(() => t.close());

describe('refusals are logged as security events', () => {
  it('logs a 403 with the actor, the route pattern and the request id, and writes no audit row', async () => {
    const member = await t.login('zhangwanzhen');
    const me = (await member.get('/api/auth/me')).json() as { id: number };
    const before = await t.auditCount();
    lines.length = 0;
    const res = await member.post('/api/accounts', {
      username: 'sneaky',
      displayName: '王小明',
      password: 'Strong#Pass12',
      role: 'member',
      unitId: await t.unitId('350802003004'),
    });
    expect(res.statusCode).toBe(403);
    expect(securityEvents()).toEqual([
      {
        event: 'forbidden',
        status: 403,
        code: 'FORBIDDEN',
        method: 'POST',
        route: '/api/accounts',
        actor: { accountId: me.id, role: 'member', unitId: expect.any(Number) },
        requestId: res.headers['x-request-id'],
      },
    ]);
    expect(await t.auditCount()).toBe(before);
    // No personal data: neither the body's name nor the password reaches the log.
    expect(lines.join('\n')).not.toMatch(/王小明|Strong#Pass12|sneaky/);
  });

  it('logs a write to an object outside the caller’s scope (404), by route pattern only', async () => {
    const admin = await t.login('admin');
    const zc = ((await admin.get('/api/accounts?q=zhongcheng')).json() as { items: Array<{ id: number }> }).items[0];
    const xicheng = await t.login('xicheng');
    lines.length = 0;
    const res = await xicheng.put(`/api/accounts/${zc?.id}/disabled`, { disabled: true });
    expect(res.statusCode).toBe(404);
    expect(securityEvents()).toMatchObject([
      {
        event: 'notFoundOnWrite',
        status: 404,
        code: 'NOT_FOUND',
        method: 'PUT',
        route: '/api/accounts/:id/disabled',
        actor: { role: 'street_admin' },
        requestId: res.headers['x-request-id'],
      },
    ]);
  });

  it('logs an anonymous probe without an audit row, and not an ordinary read of a missing object', async () => {
    const before = await t.auditCount();
    lines.length = 0;
    for (let i = 0; i < 20; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/public/letters/PROBE${'ABCDEFGHJK'[i % 10]}XX/rating`,
        payload: { verdict: 'satisfied', comment: '13912345678' },
      });
      expect(res.statusCode).toBe(404);
    }
    expect(securityEvents()).toHaveLength(20);
    expect(securityEvents()[0]).toMatchObject({ route: '/api/public/letters/:code/rating', actor: null });
    expect(lines.join('\n')).not.toContain('13912345678');
    expect(await t.auditCount()).toBe(before);

    lines.length = 0;
    const read = await (await t.login('xicheng')).get('/api/org-units/999999');
    expect(read.statusCode).toBe(404);
    expect(securityEvents()).toEqual([]);
  });
});
