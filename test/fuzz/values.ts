import fc from 'fast-check';

// The values the fuzzer sends: hostile strings, numbers and JSON, and plausible values for a
// schema so that one malformation at a time reaches past the first check (requests.ts).

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

export const nastyString: fc.Arbitrary<string> = fc.oneof(
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

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
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
