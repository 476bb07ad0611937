import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../../../test/test-app.ts';
import { registerResponseCheck } from './response-check.ts';
import { jsonSerializerCompiler, writerBuilder } from './serialization.ts';

/** Writes `data` as the route with this response contract would, and as zod's encoding did. */
function both(schema: z.ZodType, data: unknown): { fjs: string; zod: string } {
  const write = jsonSerializerCompiler()({ schema, method: 'GET', url: '/x', httpStatus: '200' });
  return { fjs: write(data), zod: JSON.stringify(z.encode(schema, data)) };
}

describe('answers written from JSON Schema', () => {
  it('writes what zod wrote for the shapes the contracts use', () => {
    const kind = z.enum(['a', 'b']);
    const shape = z.object({
      id: z.number().int(),
      name: z.string(),
      note: z.string().nullable(),
      kind: kind.nullable(),
      at: z.iso.datetime(),
      day: z.iso.date().optional(),
      tags: z.array(z.string()),
      raw: z.record(z.string(), z.number().nullable()),
      before: z.unknown().nullable(),
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('tiles'), url: z.string() }),
        z.object({ kind: z.literal('amap'), key: z.string() }),
      ]),
      child: z.object({ lng: z.number(), lat: z.number() }).nullable(),
      fixed: z.literal('yes'),
      empty: z.array(z.object({ id: z.number() })),
    });
    const data = {
      id: 7,
      name: '惠民 "工作室"\n\u2028</script>',
      note: null,
      kind: 'b',
      at: '2026-11-25T08:00:00.000Z',
      tags: ['x', '陈'],
      raw: { 完成率: 0.5, 满意率: null },
      before: { nested: [1, 'two', null], deep: { a: true } },
      source: { kind: 'amap', key: 'k', extra: 'dropped' },
      child: null,
      fixed: 'yes',
      empty: [],
      unknownKey: 'dropped by both',
    };
    const { fjs, zod } = both(shape, data);
    expect(fjs).toBe(zod);
    const second = both(shape, { ...data, day: '2026-11-25', kind: null, child: { lng: 119.3, lat: -0 } });
    expect(second.fjs).toBe(second.zod);
  });

  it('refuses an answer missing a field, as zod did, instead of writing its default', () => {
    const schema = z.object({ a: z.string().default('x'), b: z.number() });
    expect(() => both(schema, { b: 1 })).toThrow();
    const write = jsonSerializerCompiler()({ schema, method: 'GET', url: '/x', httpStatus: '200' });
    expect(() => write({ b: 1 })).toThrow(/required/);
  });

  it('checks every answer against its zod contract where tests build the app', async () => {
    const app = Fastify();
    app.setSerializerCompiler(jsonSerializerCompiler());
    registerResponseCheck(app);
    const body = z.object({ n: z.number().int(), s: z.string().trim() });
    app.get('/ok', { schema: { response: { 200: body } } }, async () => ({ n: 1, s: 'x', more: 1 }));
    // fast-json-stringify would write "2" as 2 and skip the trim; the check notices both.
    app.get('/coerced', { schema: { response: { 200: body } } }, async () => ({ n: '2', s: 'x' }));
    app.get('/untrimmed', { schema: { response: { 200: body } } }, async () => ({ n: 2, s: ' x ' }));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect((await app.inject('/ok')).body).toBe('{"n":1,"s":"x"}');
      expect((await app.inject('/coerced')).statusCode).toBe(500);
      expect((await app.inject('/untrimmed')).statusCode).toBe(500);
    } finally {
      console.error = original;
      await app.close();
    }
    expect(String(errors[0])).toMatch(/GET \/coerced \(200\) breaks its contract/);
    expect(String(errors[1])).toMatch(/GET \/untrimmed \(200\) differs from zod's serialisation/);
  });

  it('keeps the OpenAPI document of every route', async () => {
    const t = await createTestApp({ demo: false });
    try {
      const res = await t.app.inject('/api/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json() as { paths: Record<string, { get?: { responses?: Record<string, unknown> } }> };
      expect(doc.paths['/api/public/nearest']?.get?.responses?.['200']).toBeDefined();
    } finally {
      await t.close();
    }
  });

  it("builds the writer of every route's every response contract (they are built lazily in the app)", async () => {
    const t = await createTestApp({ demo: false });
    try {
      const build = writerBuilder();
      let built = 0;
      for (const route of t.app.routeAccess) {
        for (const [status, schema] of Object.entries(route.response ?? {})) {
          expect(() => build({ schema, method: route.method, url: route.url, httpStatus: status })).not.toThrow();
          built++;
        }
      }
      expect(built).toBeGreaterThan(150);
    } finally {
      await t.close();
    }
  });
});
