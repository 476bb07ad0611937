/** The password policy; its numbers come from configuration. */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** Why a password is refused; empty when it is acceptable. */
export type PasswordProblem = 'tooShort' | 'tooFewClasses' | 'tooLong' | 'common' | 'containsUsername' | 'unchanged';

/** What a new password is checked against besides the policy's numbers. */
export interface PasswordContext {
  /** True when the password is among the most common ones (compared case-insensitively). */
  isCommon?: (lowercased: string) => boolean;
  /** The account's username: a password containing it is refused. */
  username?: string;
  /** The password being replaced: it may not be chosen again. */
  current?: string;
}

/** Character classes: lowercase, uppercase, digits, everything else. */
export function characterClasses(password: string): number {
  const tests = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return tests.filter((t) => t.test(password)).length;
}

/**
 * Checks a new password (ASVS 2.1): at least the configured length (12 by default), not among
 * the most common passwords, not containing the username, not the current one. Composition
 * rules apply only when configured (PASSWORD_MIN_CLASSES above 1).
 */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const lower = password.toLowerCase();
  if ([...password].length < policy.minLength) problems.push('tooShort');
  if (password.length > 256) problems.push('tooLong');
  if (characterClasses(password) < policy.minClasses) problems.push('tooFewClasses');
  if (context.isCommon?.(lower)) problems.push('common');
  const username = context.username?.trim().toLowerCase() ?? '';
  if (username.length >= 3 && lower.includes(username)) problems.push('containsUsername');
  if (context.current !== undefined && password === context.current) problems.push('unchanged');
  return problems;
}
