import fc from 'fast-check';
import { nastyString, nastyValue, plausible, type Schema } from './values.ts';

export type { Schema };

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  /** The OpenAPI path, `/api/studios/{id}/revoke`. */
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  query: Array<{ name: string; schema: Schema; required: boolean }>;
  body: Schema | null;
}

/** A request ready for `app.inject`, and the malformations it carries. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  kinds: string[];
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; schema: Schema; required?: boolean }>;
        requestBody?: { content?: Record<string, { schema: Schema }> };
      }
    >
  >;
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** A body with one to three malformations: a field dropped, nulled, retyped, an unknown field, or the whole body replaced. */
function malformedBody(s: Schema): fc.Arbitrary<{ value: unknown; kinds: string[] }> {
  const fields = Object.keys(s.properties ?? {});
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('body.drop'), field: fc.constantFrom('', ...fields), value: fc.constant(null) }),
    fc.record({ kind: fc.constant('body.null'), field: fc.constantFrom('', ...fields), value: fc.constant(null) }),
    fc.record({ kind: fc.constant('body.retype'), field: fc.constantFrom('', ...fields), value: nastyValue }),
    fc.record({
      kind: fc.constant('body.unknown'),
      field: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'fee', 'id', 'x'.repeat(300)), fc.string()),
      value: nastyValue,
    }),
    fc.record({ kind: fc.constant('body.replace'), field: fc.constant(''), value: nastyValue }),
  );
  return fc.tuple(plausible(s), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([base, mutations]) => {
    let value: unknown = base;
    for (const m of mutations) {
      if (m.kind === 'body.replace' || value === null || typeof value !== 'object' || Array.isArray(value)) {
        if (m.kind === 'body.replace') value = m.value;
        continue;
      }
      const obj = { ...(value as Record<string, unknown>) };
      if (m.field === '' && m.kind !== 'body.unknown') continue;
      if (m.kind === 'body.drop') delete obj[m.field];
      else if (m.kind === 'body.null') obj[m.field] = null;
      else Object.defineProperty(obj, m.field, { value: m.value, enumerable: true, writable: true });
      value = obj;
    }
    return { value, kinds: mutations.map((m) => m.kind) };
  });
}

/** Raw text that is not the JSON it claims to be. */
const brokenJson = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    '[1,2',
    "{'a':1}",
    '{"a":1,"a":2}',
    'nul',
    '\ufeff{}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '[' + '['.repeat(5000) + ']'.repeat(5000) + ']',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '1e999999',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const oddContentTypes = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'application/octet-stream',
  'application/json; charset=utf-8; x=' + 'y'.repeat(500),
  'image/jpeg',
];

/** A path parameter as it goes into the URL: mostly plausible, often hostile, sometimes not even valid percent-encoding. */
function pathValue(s: Schema): fc.Arbitrary<{ text: string; kind?: string }> {
  return fc.oneof(
    { weight: 2, arbitrary: plausible(s).map((v) => ({ text: pct(String(v)) })) },
    {
      weight: 3,
      arbitrary: nastyString.map((v) => ({ text: pct(v.slice(0, 400)), kind: 'path.nasty' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '..', '%2e%2e', 'a'.repeat(300), '%00', '%0a1')
        .map((text) => ({ text, kind: 'path.raw' })),
    },
  );
}

function queryPairs(op: Operation): fc.Arbitrary<{ pairs: Array<[string, string]>; raw: string; kinds: string[] }> {
  const param = op.query.map((q) =>
    fc.oneof(
      { weight: 3, arbitrary: plausible(q.schema).map((v) => ({ value: String(v), kind: '' })) },
      { weight: 2, arbitrary: nastyString.map((v) => ({ value: v.slice(0, 2000), kind: 'query.nasty' })) },
      { weight: 1, arbitrary: fc.constant({ value: '', kind: 'query.empty' }) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...param),
      fc.option(fc.tuple(fc.oneof(fc.constantFrom('fee', 'id', '__proto__'), fc.string()), nastyString), {
        freq: 3,
      }),
      fc.boolean(),
      fc.option(fc.constantFrom('%', '%zz', '&&&', '=', 'a[b]=1', 'a[__proto__][x]=1', '%ff%fe'), { freq: 4 }),
    )
    .map(([values, unknown, duplicate, raw]) => {
      const kinds: string[] = [];
      const pairs: Array<[string, string]> = [];
      values.forEach((v, i) => {
        const q = op.query[i];
        if (!q || v === null) return;
        pairs.push([q.name, v.value]);
        if (v.kind) kinds.push(v.kind);
      });
      if (unknown) {
        pairs.push([unknown[0], unknown[1].slice(0, 2000)]);
        kinds.push('query.unknown');
      }
      const first = pairs[0];
      if (duplicate && first) {
        pairs.push([first[0], first[1]]);
        kinds.push('query.duplicate');
      }
      if (raw) kinds.push('query.raw');
      return { pairs, raw: raw ?? '', kinds };
    });
}

/** Requests for one operation, each with at least one malformation. */
export function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...op.pathParams.map((p) => pathValue(p.schema)));
  const hasBody = op.body !== null;
  const body = hasBody
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: malformedBody(op.body as Schema).map((b) => ({ text: safeJson(b.value), kinds: b.kinds })),
        },
        { weight: 2, arbitrary: brokenJson.map((text) => ({ text, kinds: ['body.broken-json'] })) },
        { weight: 1, arbitrary: fc.constant({ text: undefined as string | undefined, kinds: ['body.missing'] }) },
      )
    : fc.option(
        fc.oneof(
          nastyValue.map((v) => ({ text: safeJson(v) as string | undefined, kinds: ['body.unexpected'] })),
          brokenJson.map((text) => ({ text: text as string | undefined, kinds: ['body.unexpected-broken'] })),
        ),
        { freq: 3 },
      );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant<string | null>('application/json') },
    { weight: 1, arbitrary: fc.constantFrom<string | null>(...oddContentTypes) },
    { weight: 1, arbitrary: fc.constant<string | null>(null) },
  );
  const language = fc.constantFrom('zh-CN', 'zh-TW', 'en', 'fr;q=0.5, *', 'x'.repeat(200));
  return fc
    .tuple(params, queryPairs(op), body, contentType, language, fc.boolean())
    .map(([values, query, b, type, lang, sameTypeKind]) => {
      const kinds = [...query.kinds];
      let path = op.path;
      op.pathParams.forEach((p, i) => {
        const v = values[i];
        if (!v) return;
        path = path.replace(`{${p.name}}`, v.text);
        if (v.kind) kinds.push(v.kind);
      });
      const search = query.pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`);
      if (query.raw) search.push(query.raw);
      const url = search.length > 0 ? `${path}?${search.join('&')}` : path;
      const headers: Record<string, string> = { 'accept-language': lang };
      let payload: string | undefined;
      if (b) {
        payload = b.text;
        kinds.push(...b.kinds);
      }
      if (payload !== undefined || (hasBody && sameTypeKind)) {
        if (type) headers['content-type'] = type;
        if (type !== 'application/json') kinds.push('content-type');
      }
      if (kinds.length === 0) kinds.push('plausible');
      return { method: op.method, url, headers, payload, kinds };
    });
}

/** Percent-encodes like encodeURIComponent, but a lone surrogate becomes U+FFFD instead of throwing. */
function pct(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** JSON text of a value; `undefined` stays a missing body. */
function safeJson(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/** Method a route does not declare, to check the 405 answer. */
export const otherMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
