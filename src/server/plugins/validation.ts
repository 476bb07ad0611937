import type { FastifySchemaCompiler } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Locale } from '../../contract/common.ts';

/** Marks a validation entry made here, so the error handler knows it carries the zod issue. */
const ISSUE = Symbol.for('huimin.validationIssue');

/** The issue code of a NUL character in a string, which PostgreSQL cannot store in text. */
const NUL_ISSUE = 'huimin_nul_character';

/** One entry of Fastify's `error.validation`, with the zod issue kept for translation. */
export interface ValidationEntry {
  [ISSUE]: z.core.$ZodIssue;
  keyword: string;
  instancePath: string;
  schemaPath: string;
  message: string;
  params: Record<string, unknown>;
}

function entryOf(issue: z.core.$ZodIssue): ValidationEntry {
  const path = issue.path.map(String);
  return {
    [ISSUE]: issue,
    keyword: issue.code,
    instancePath: `/${path.join('/')}`,
    schemaPath: `#/${path.join('/')}/${issue.code}`,
    message: issue.message,
    params: {},
  };
}

/** The path of the first string (value or key) holding U+0000, or null. */
function findNul(value: unknown, path: PropertyKey[], depth = 0): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNul(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Validates with the route's zod schema, like fastify-type-provider-zod's compiler, and also:
 * refuses any string holding a NUL character (PostgreSQL's text cannot store one, so it would
 * fail as a 500 deep inside a query), and keeps each zod issue so its message can be given in
 * the request's language.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data: unknown) => {
    const nul = findNul(data, []);
    if (nul) {
      return {
        error: [entryOf({ code: 'custom', path: nul, message: NUL_ISSUE, input: undefined })] as unknown as Error,
      };
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: result.error.issues.map(entryOf) as unknown as Error };
  };

/** The validation entries made by `validatorCompiler` that a Fastify error holds, or null. */
export function validationEntriesOf(error: unknown): ValidationEntry[] | null {
  const validation = (error as { validation?: unknown }).validation;
  if (!Array.isArray(validation) || validation.length === 0) return null;
  return validation.every((v) => typeof v === 'object' && v !== null && ISSUE in v)
    ? (validation as ValidationEntry[])
    : null;
}

const nulMessage: Record<Locale, string> = {
  'zh-CN': '不能包含空字符（U+0000）',
  'zh-TW': '不能包含空字元（U+0000）',
  en: 'must not contain a NUL character (U+0000)',
};

const english = z.locales.en().localeError;
const translators: Record<Locale, z.core.$ZodErrorMap> = {
  'zh-CN': z.locales.zhCN().localeError,
  'zh-TW': z.locales.zhTW().localeError,
  en: english,
};

function textOf(result: ReturnType<z.core.$ZodErrorMap>): string | undefined {
  return typeof result === 'string' ? result : result?.message;
}

/**
 * The issue's message in the request's language. A message a schema wrote itself (a format
 * hint such as `YYYY-MM-DD`) is kept; zod's own English wording is translated.
 */
export function localizedMessage(entry: ValidationEntry, locale: Locale): string {
  const issue = entry[ISSUE];
  if (issue.message === NUL_ISSUE) return nulMessage[locale];
  const raw = { ...issue } as unknown as z.core.$ZodRawIssue;
  if (textOf(english(raw)) !== issue.message) return issue.message;
  return textOf(translators[locale](raw)) ?? issue.message;
}
