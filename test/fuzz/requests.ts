import fc from 'fast-check';

/** The part of a JSON Schema (OpenAPI 3.0 flavour, as zod writes it) the generator reads. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

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

/** Strings that broke, or could break, a server: NUL, lone surrogates, bidi, huge, odd digits, bad dates. */
const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  '\ufeff1',
  '１２３',
  'e\u0301\u0301\u0301',
  '😀👩‍👩‍👧‍👦',
  '%',
  '%zz',
  '%00',
  '../../etc/passwd',
  "' or 1=1 --",
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  'null',
  'true',
  '0',
  '-1',
  ' 1',
  '1\n',
  '0x10',
  '1e3',
  '+1',
  '01',
  '2147483648',
  '99999999999999999999',
  '1e309',
  'NaN',
  'Infinity',
  '2026-02-30',
  '2026-13-45',
  '0000-00-00',
  '2026-11-25T25:61:00Z',
  '9999-12-31',
  '-000001-01-01T00:00:00Z',
  'Asia/Shanghai',
];

const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '字', '😀', '\u0000', '9'), fc.integer({ min: 300, max: 120_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    2_147_483_648,
    -2_147_483_649,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    -0,
    0,
    -1,
    0.5,
    1e-300,
  ),
  fc.double(),
  fc.integer(),
);

/** A value of any JSON type, often hostile. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(nastyString, fc.string()), tie('value'), { maxKeys: 3 }),
  ),
})).value;

function typeOf(s: Schema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

/** A plausible value for a schema, so that a single malformation reaches deeper than the first check. */
export function plausible(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant('x');
  if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => plausible(a, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return plausible(s.allOf[0], depth + 1);
  switch (typeOf(s)) {
    case 'string': {
      if (s.format === 'date') return fc.constantFrom('2026-11-25', '2026-12-01', '2024-02-29', '2027-01-31');
      if (s.format === 'date-time') return fc.constantFrom('2026-11-25T06:30:00.000Z', '2026-11-20T08:00:00+08:00');
      if (s.pattern) {
        try {
          return fc.stringMatching(new RegExp(s.pattern, 'u')).filter((v) => v.length <= (s.maxLength ?? 10_000));
        } catch {
          // A pattern JavaScript cannot compile as written: fall through to plain text.
        }
      }
      const min = s.minLength ?? 0;
      return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 12, 12)) });
    }
    case 'integer': {
      const min = Math.max(s.minimum ?? 0, -1_000_000);
      return fc.integer({ min, max: Math.min(s.maximum ?? min + 60, min + 60) });
    }
    case 'number': {
      const min = s.minimum ?? -180;
      return fc.double({ min, max: s.maximum ?? min + 360, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(s.items, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object': {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, plausible(v, depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.constant(null);
  }
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
