/** The password policy; its numbers come from configuration. */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** Why a password is refused; empty when it is acceptable. */
export type PasswordProblem = 'tooShort' | 'tooFewClasses' | 'tooLong';

/** Character classes: lowercase, uppercase, digits, everything else. */
export function characterClasses(password: string): number {
  const tests = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return tests.filter((t) => t.test(password)).length;
}

/** Checks a new password against the policy (≥ 8 characters and 3 of 4 classes by default). */
export function passwordProblems(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('tooShort');
  if (password.length > 256) problems.push('tooLong');
  if (characterClasses(password) < policy.minClasses) problems.push('tooFewClasses');
  return problems;
}
