import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../config/config.ts';
import { loadDemoData } from '../db/seed/demo.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { demoPasswordHash, signIn } from '../../test/test-app.ts';
import { buildApp } from './app.ts';
import { redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it('replaces personal query values, tracking codes and phone or ID numbers anywhere', () => {
    expect(redactUrl('/api/volunteers?q=%E5%BC%A0%E5%A9%89%E7%8F%8D&kind=talent')).toBe(
      '/api/volunteers?q=[redacted]&kind=talent',
    );
    expect(redactUrl('/api/accounts?phone=13812345678&limit=5')).toBe('/api/accounts?phone=[redacted]&limit=5');
    expect(redactUrl('/api/audit-log?entityId=350802199001011234')).toBe('/api/audit-log?entityId=[redacted]');
    expect(redactUrl('/api/public/requests/K7PQ2M9X')).toBe('/api/public/requests/[redacted]');
    expect(redactUrl('/api/x/13812345678/y')).toBe('/api/x/[redacted]/y');
    expect(redactUrl('/api/studios/12?under=3')).toBe('/api/studios/12?under=3');
  });
});

describe('the request log', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const lines: string[] = [];
  beforeAll(async () => {
    const handle = await createTestDatabase();
    drop = handle.drop;
    await loadDemoData(handle.db, new Date().toISOString(), await demoPasswordHash());
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp(
      { db: handle.db, engine: handle.engine, config: testConfig({ HUIMIN_DEMO: true }), webRoot: null },
      { logger: { level: 'info', stream } },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('does not hold a search by phone, ID number or name verbatim', async () => {
    const admin = await signIn(app, 'admin');
    await admin.get(`/api/volunteers?q=13900001111`);
    await admin.get(`/api/volunteers?q=${encodeURIComponent('张婉珍')}`);
    await admin.get('/api/audit-log?entityId=350802199001011234');
    await app.inject({ method: 'GET', url: '/api/public/requests/K7PQ2M9X' });
    const log = lines.join('');
    expect(log).toContain('/api/volunteers?q=[redacted]');
    for (const secret of ['13900001111', '张婉珍', encodeURIComponent('张婉珍'), '350802199001011234', 'K7PQ2M9X'])
      expect(log).not.toContain(secret);
  });
});
