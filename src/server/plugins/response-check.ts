import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';

// Answers are written by fast-json-stringify from JSON Schema (./serialization.ts), which
// trusts the data: a wrong type is coerced, a bad format passes. Where tests build the app,
// this hook keeps zod's guarantee: every JSON answer with a response contract is encoded with
// the zod contract (as the server did before) and must match it, and the bytes sent must be the
// ones zod's encoding would have produced. A mismatch answers 500 and is printed, so the test
// that met it fails and says why.

/** The zod contract Fastify picks for a status: the exact code, then `4xx`, then `default`. */
export function responseContractOf(request: FastifyRequest, status: number): $ZodType | undefined {
  const response = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
  if (!response) return undefined;
  const schema = response[status] ?? response[`${String(status)[0]}xx`] ?? response.default;
  return schema instanceof $ZodType ? schema : undefined;
}

const expected = new WeakMap<FastifyRequest, string>();

function fail(request: FastifyRequest, reply: FastifyReply, why: string): never {
  const message = `Response of ${request.method} ${request.routeOptions.url ?? request.url} (${reply.statusCode}) ${why}`;
  console.error(message);
  throw new Error(message);
}

/** Checks every JSON answer against its zod contract and zod's own serialisation (tests only). */
export function registerResponseCheck(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const schema = responseContractOf(request, reply.statusCode);
    if (!schema) return payload;
    const encoded = z.safeEncode(schema, payload);
    if (!encoded.success) fail(request, reply, `breaks its contract:\n${z.prettifyError(encoded.error)}`);
    expected.set(request, JSON.stringify(encoded.data));
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const want = expected.get(request);
    if (want === undefined) return payload;
    expected.delete(request);
    if (payload !== want)
      fail(request, reply, `differs from zod's serialisation:\n  sent: ${String(payload)}\n  zod:  ${want}`);
    return payload;
  });
}
