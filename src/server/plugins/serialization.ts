import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';

// Responses are written by fast-json-stringify (what Fastify itself uses for a JSON Schema
// response), from JSON Schema generated once per route from the zod response contract. zod
// encoding every answer cost about a tenth of a request's CPU; the generated writer does the
// same job several times faster. It trusts the data more than zod did (it drops unknown keys,
// as zod does, but does not check formats, ranges or trims), so the tests check every answer
// against the zod contract and against what zod would have written (./response-check.ts).

type JsonSchema = { [key: string]: unknown };

const generated = new WeakMap<object, JsonSchema>();

/**
 * The JSON Schema fast-json-stringify writes a zod response contract with: zod's own output
 * schema (draft-07, which fast-json-stringify reads), adjusted where the two tools differ.
 */
export function responseJsonSchema(schema: $ZodType): JsonSchema {
  let json = generated.get(schema);
  if (!json) {
    const raw = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any', cycles: 'ref' });
    json = adjust(raw as JsonSchema);
    delete json.$schema;
    generated.set(schema, json);
  }
  return json;
}

/** Keywords whose value is a schema, a list of schemas or a map of names to schemas. */
const ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames']);
const LIST = new Set(['anyOf', 'oneOf', 'allOf']);
const MAP = new Set(['properties', 'definitions', '$defs', 'patternProperties']);

/**
 * Where fast-json-stringify and zod part ways:
 * - `default`: fast-json-stringify writes a missing property's default; zod's encoding refuses
 *   the answer instead (defaults only fill requests). Dropped, so a missing field stays an error.
 * - `additionalProperties: false`: zod strips unknown keys from an answer; fast-json-stringify
 *   writes only the listed ones anyway, but checks the flag while choosing a branch of a union
 *   (with Ajv), where an extra key would make no branch match. Dropped.
 * - a union with an "anything" branch (`z.unknown().nullable()`) is anything: written with
 *   JSON.stringify, with no branch to choose per value.
 * - key order: zod writes an object's keys in the contract's order; fast-json-stringify writes
 *   the required ones first. Where that would move a key, `required` is dropped (a missing field
 *   is then left out rather than refused; the tests' check still refuses it).
 */
function adjust(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'default') continue;
    if (key === 'additionalProperties' && value === false) continue;
    if (ONE.has(key) && isSchema(value)) out[key] = adjust(value);
    else if (LIST.has(key) && Array.isArray(value)) out[key] = value.map((v) => (isSchema(v) ? adjust(v) : v));
    else if (MAP.has(key) && isSchema(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSchema(v) ? adjust(v) : v]));
    else out[key] = value;
  }
  if (Array.isArray(out.required) && isSchema(out.properties)) {
    const required = new Set(out.required);
    const keys = Object.keys(out.properties);
    const firstOptional = keys.findIndex((k) => !required.has(k));
    if (firstOptional !== -1 && keys.slice(firstOptional).some((k) => required.has(k))) delete out.required;
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.some((b) => isSchema(b) && Object.keys(b).length === 0)) {
    delete out.anyOf;
  }
  return out;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds a route's writer for one status: Fastify's default serializer (fast-json-stringify),
 * given the JSON Schema of the route's zod response contract. A plain JSON Schema passes through.
 */
export function writerBuilder(): (
  route: Parameters<FastifySerializerCompiler<unknown>>[0],
) => (data: unknown) => string {
  const compile = SerializerSelector()({}, {});
  return (route) => {
    const schema = route.schema instanceof $ZodType ? responseJsonSchema(route.schema) : route.schema;
    return compile({ ...route, httpStatus: String(route.httpStatus ?? ''), schema }) as (data: unknown) => string;
  };
}

/**
 * The serializer compiler. A writer is built on a route's first answer with that status, not at
 * start: building the writers of every route and status took about half a second of start-up.
 * (The serialisation test builds every route's writers, so a contract it cannot write still
 * fails a test rather than a first request.)
 */
export function jsonSerializerCompiler(): FastifySerializerCompiler<unknown> {
  const build = writerBuilder();
  return (route) => {
    let write: ((data: unknown) => string) | undefined;
    return (data: unknown) => (write ??= build(route))(data);
  };
}
