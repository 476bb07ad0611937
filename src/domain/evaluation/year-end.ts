/**
 * The year-end sheet (年终评议党员的重要依据): a suggested grade per party member from their
 * studios' quarterly scores and complaints. It is only a suggestion; the member's branch
 * confirms or changes it. Probationary members (预备党员) are listed but not graded.
 */
export const grades = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type Grade = (typeof grades)[number];

/** The configurable rule: the lowest mean quarterly score for each grade above 不合格. */
export interface GradeRule {
  excellentFrom: number;
  qualifiedFrom: number;
  basicFrom: number;
  /** A substantiated complaint in the year rules out 优秀. */
  excellentRequiresNoComplaint: boolean;
}

/** The rule every install starts with. */
export const defaultGradeRule: GradeRule = {
  excellentFrom: 90,
  qualifiedFrom: 75,
  basicFrom: 60,
  excellentRequiresNoComplaint: true,
};

/** What the grade looks at for one member and year. */
export interface MemberYear {
  probationary: boolean;
  /** The four quarters' scores of the studio they led or served in (null: not scored that quarter). */
  quarterScores: ReadonlyArray<number | null>;
  substantiatedComplaints: number;
}

/** The mean of the quarters that were scored, or null when none was. */
export function meanOfScored(scores: ReadonlyArray<number | null>): number | null {
  const scored = scores.filter((s): s is number => s !== null);
  if (scored.length === 0) return null;
  return Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 100) / 100;
}

/** The suggested grade, or null for a probationary member or a year with no scored quarter. */
export function suggestGrade(rule: GradeRule, m: MemberYear): Grade | null {
  if (m.probationary) return null;
  const mean = meanOfScored(m.quarterScores);
  if (mean === null) return null;
  const clean = !rule.excellentRequiresNoComplaint || m.substantiatedComplaints === 0;
  if (mean >= rule.excellentFrom && clean) return 'excellent';
  if (mean >= rule.qualifiedFrom) return 'qualified';
  if (mean >= rule.basicFrom) return 'basic';
  return 'unqualified';
}

/** At most a third of a branch's graded members may be 优秀: the most allowed, and whether the grades keep to it. */
export function excellentQuota(grades: ReadonlyArray<Grade | null>): { allowed: number; given: number; ok: boolean } {
  const graded = grades.filter((g) => g !== null).length;
  const allowed = Math.floor(graded / 3);
  const given = grades.filter((g) => g === 'excellent').length;
  return { allowed, given, ok: given <= allowed };
}
