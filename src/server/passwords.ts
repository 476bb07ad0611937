import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { passwordProblems, type PasswordProblem } from '../domain/accounts/password.ts';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import { DEMO_PASSWORD } from '../db/seed/demo-password.ts';

// Passwords are shared infrastructure: sign-in (auth) checks them, account creation (accounts)
// sets them, and neither feature reaches into the other's service for it.

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane), from Node's own crypto
 * (Node ≥ 24.7), so no native module has to build. Hashes use the PHC string format.
 */
const params = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };

function derive(password: string, salt: Buffer, p: typeof params): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, ...p }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

/** Hashes a password into `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(key)}`;
}

/** Checks a password against a stored PHC hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64');
  const key = await derive(password, Buffer.from(m[4] ?? '', 'base64'), {
    memory: Number(m[1]),
    passes: Number(m[2]),
    parallelism: Number(m[3]),
    tagLength: expected.length,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that no password matches, verified against when a username is unknown so timing does not reveal it. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The 10,000 most common passwords (SecLists' 10-million-password-list top 10,000; see
 * common-passwords/LICENSE.md), lowercased, plus the published demo password: read once.
 */
const commonPasswords = new Set(
  [...readFileSync(join(import.meta.dirname, 'common-passwords', 'top-10000.txt'), 'utf8').split('\n'), DEMO_PASSWORD]
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean),
);

/** True when a password is among the most common ones, whatever its case. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

const problemCodes: Array<[PasswordProblem, ErrorCode]> = [
  ['tooShort', 'PASSWORD_TOO_SHORT'],
  ['tooLong', 'PASSWORD_TOO_LONG'],
  ['common', 'PASSWORD_TOO_COMMON'],
  ['containsUsername', 'PASSWORD_CONTAINS_USERNAME'],
  ['unchanged', 'PASSWORD_UNCHANGED'],
  ['tooFewClasses', 'PASSWORD_TOO_WEAK'],
];

/** Refuses a new password that does not meet the configured policy, with the first problem's code. */
export function assertPasswordAcceptable(
  config: Pick<Config, 'PASSWORD_MIN_LENGTH' | 'PASSWORD_MIN_CLASSES'>,
  password: string,
  context: { username?: string; current?: string } = {},
): void {
  const policy = { minLength: config.PASSWORD_MIN_LENGTH, minClasses: config.PASSWORD_MIN_CLASSES };
  const problems = passwordProblems(password, policy, { ...context, isCommon: (p) => commonPasswords.has(p) });
  const first = problemCodes.find(([problem]) => problems.includes(problem));
  if (first) throw new DomainError(first[1], policy);
}
