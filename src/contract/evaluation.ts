import { z } from 'zod';
import {
  evaluationProposalActions,
  evaluationProposalKinds,
  evaluationProposalStatuses,
  reviewOutcomes,
} from '../domain/evaluation/proposals.ts';
import { itemSources, vetoSources } from '../domain/evaluation/scheme.ts';
import { grades } from '../domain/evaluation/year-end.ts';
import { paging } from './common.ts';

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'YYYY-Qn');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const title = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(100),
  'zh-TW': z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(100),
});
const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower_snake_case');
const points = z.number().min(0).max(1000);

/** One scored item of a scheme. */
export const schemeItem = z.strictObject({
  code,
  title,
  source: z.enum(itemSources),
  direction: z.enum(['add', 'deduct']),
  points,
  cap: points,
  minCount: z.number().int().min(0).max(1000).optional(),
});

/** A scheme's configuration, as the district edits it. */
export const schemeConfig = z.strictObject({
  items: z.array(schemeItem).min(1).max(30),
  vetoes: z.array(z.strictObject({ code, title, source: z.enum(vetoSources) })).max(10),
  minimum: z.number().min(-1000).max(1000),
  maximum: z.number().min(-1000).max(1000),
  proposals: z.strictObject({
    commendTopShare: z.number().min(0).max(1),
    commendRequiresNoComplaint: z.boolean(),
    reviewBottomShare: z.number().min(0).max(1),
    complaintsInWindow: z.number().int().min(1).max(100),
    windowQuarters: z.number().int().min(1).max(8),
  }),
});

/** A new version of the scheme and the day it takes effect. */
export const schemeInput = z.strictObject({
  effectiveFrom: date,
  note: z.string().trim().max(500).optional(),
  config: schemeConfig,
});

/** Score a quarter already over (the last by default) under a draft scheme; nothing is saved. */
export const schemePreviewRequest = z.strictObject({ quarter: quarter.optional(), config: schemeConfig });

/** How many proposals a run (or a preview) makes of each kind. */
const proposalCounts = z.object({ commendation: z.number().int(), review: z.number().int() });

/** A studio's place in a run or a preview. */
const placedStudio = z.object({
  studioId: z.number().int(),
  studioName: z.string(),
  streetName: z.string(),
  total: z.number(),
  districtRank: z.number().int(),
});

/** What each studio would get under the draft, beside its current score. */
export const schemePreview = z.object({
  quarter: z.string(),
  proposals: proposalCounts,
  scores: z.array(
    placedStudio.extend({
      /** Its stored score of that quarter under the scheme in force, or null when not run yet. */
      current: z.number().nullable(),
      items: z.array(z.object({ code: z.string(), points: z.number() })),
    }),
  ),
});
export type SchemePreview = z.infer<typeof schemePreview>;

/** A stored version. */
export const scheme = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  config: schemeConfig,
  createdAt: z.string(),
});
export type Scheme = z.infer<typeof scheme>;

export const schemeVersionParam = z.strictObject({ version: z.coerce.number().int().positive().max(1_000_000) });

/** Run a quarter now; a dry run answers what would be stored and changes nothing. */
export const runRequest = z.strictObject({ quarter, dryRun: z.boolean().default(false) });

const evidence = z.object({
  records: z.array(z.number().int()).optional(),
  ratings: z.array(z.number().int()).optional(),
  inspections: z.array(z.number().int()).optional(),
  commitmentChecks: z.array(z.number().int()).optional(),
  letters: z.array(z.number().int()).optional(),
  rectifications: z.array(z.number().int()).optional(),
});

/** One item of a breakdown: raw figures, the formula with the numbers filled in, the points, the ids behind it. */
export const itemScore = z.object({
  code: z.string(),
  title: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  source: z.enum(itemSources),
  direction: z.enum(['add', 'deduct']),
  raw: z.record(z.string(), z.number().nullable()),
  formula: z.string(),
  points: z.number(),
  evidence,
});

export const breakdown = z.object({
  items: z.array(itemScore),
  vetoes: z.array(
    z.object({
      code: z.string(),
      title: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
      source: z.enum(vetoSources),
      count: z.number().int(),
      triggered: z.boolean(),
      evidence,
    }),
  ),
  added: z.number(),
  deducted: z.number(),
  total: z.number(),
  vetoed: z.boolean(),
  formula: z.string(),
});

const change = z.object({ code: z.string(), before: z.number().nullable(), after: z.number().nullable() });

/** A studio's score in a quarter, with its places. */
export const scoreSummary = z.object({
  id: z.number().int(),
  quarter: z.string(),
  schemeVersion: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  unitName: z.string(),
  streetId: z.number().int(),
  streetName: z.string(),
  total: z.number(),
  added: z.number(),
  deducted: z.number(),
  vetoed: z.boolean(),
  districtRank: z.number().int(),
  streetRank: z.number().int(),
  /** What changed since the previous run of this quarter (null on the first run). */
  changes: z.array(change).nullable(),
  runId: z.number().int(),
  createdAt: z.string(),
});
export type ScoreSummary = z.infer<typeof scoreSummary>;

/** A score with its full breakdown and the earlier runs of the same quarter. */
export const scoreDetail = scoreSummary.extend({
  breakdown,
  history: z.array(
    z.object({
      id: z.number().int(),
      runId: z.number().int(),
      total: z.number(),
      createdAt: z.string(),
      changes: z.array(change).nullable(),
    }),
  ),
});
export type ScoreDetail = z.infer<typeof scoreDetail>;

/** How many of its places a dry run answers (runResult.scores). */
export const dryRunPreviewLimit = 500;

/** What a run did, or (dry) would do. */
export const runResult = z.object({
  quarter: z.string(),
  schemeVersion: z.number().int(),
  dryRun: z.boolean(),
  runId: z.number().int().nullable(),
  scored: z.number().int(),
  changed: z.number().int(),
  proposals: proposalCounts,
  /**
   * A dry run's preview: its first places in the district, at most `dryRunPreviewLimit` (the rest
   * are counted in `scored`). A real run answers none: its rankings are read page by page from
   * /api/evaluation/scores (a province's 20,000+ rows were megabytes serialised at once).
   */
  scores: z
    .array(placedStudio.extend({ streetRank: z.number().int(), changes: z.array(change).nullable() }))
    .optional(),
});
export type RunResult = z.infer<typeof runResult>;

export const listScoresQuery = z.strictObject({
  quarter,
  under: z.coerce.number().int().positive().optional(),
  /** Order by one item's points instead of the total. */
  item: code.optional(),
  ...paging,
});

export const studioScoresParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const studioScoresQuery = z.strictObject({ quarter: quarter.optional() });

export const evaluationProposalKind = z.enum(evaluationProposalKinds);
export const evaluationProposalStatus = z.enum(evaluationProposalStatuses);
/** What a viewer may do with an evaluation proposal now. */
export const evaluationProposalAbility = z.enum(evaluationProposalActions);
export type EvaluationProposalAbility = z.infer<typeof evaluationProposalAbility>;

export const evaluationProposal = z.object({
  id: z.number().int(),
  kind: evaluationProposalKind,
  quarter: z.string(),
  studioId: z.number().int(),
  studioName: z.string(),
  studioStatus: z.string(),
  unitName: z.string(),
  streetId: z.number().int(),
  scoreId: z.number().int(),
  total: z.number(),
  districtRank: z.number().int(),
  /** Why it was proposed: `top`, `bottom`, `complaints`, `veto`; with the complaint letters for `complaints`. */
  reasons: z.array(z.string()),
  complaintLetters: z.array(z.number().int()),
  status: evaluationProposalStatus,
  outcome: z.enum(reviewOutcomes).nullable(),
  reason: z.string().nullable(),
  deadline: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(evaluationProposalAbility),
});
export type EvaluationProposal = z.infer<typeof evaluationProposal>;

export const listEvaluationProposalsQuery = z.strictObject({
  kind: evaluationProposalKind.optional(),
  quarter: quarter.optional(),
  status: evaluationProposalStatus.optional(),
  under: z.coerce.number().int().positive().optional(),
  ...paging,
});

/** Confirm: a commendation needs nothing more; a review names its outcome. */
export const confirmEvaluationProposalRequest = z.strictObject({
  outcome: z.enum(reviewOutcomes).optional(),
  deadline: date.optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});
export const rejectEvaluationProposalRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const sheetQuery = z.strictObject({ quarter, under: z.coerce.number().int().positive().optional() });

export const yearEndQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  under: z.coerce.number().int().positive().optional(),
  /** Only this member's row (the sheet of one member). */
  volunteerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

const grade = z.enum(grades);

/** The configurable rule of the suggested grade: the lowest mean quarterly score of each grade. */
export const gradeRule = z
  .strictObject({
    excellentFrom: z.number().min(0).max(1000),
    qualifiedFrom: z.number().min(0).max(1000),
    basicFrom: z.number().min(0).max(1000),
    excellentRequiresNoComplaint: z.boolean(),
  })
  .refine((r) => r.excellentFrom >= r.qualifiedFrom && r.qualifiedFrom >= r.basicFrom, {
    message: 'excellentFrom ≥ qualifiedFrom ≥ basicFrom',
  });

/** The branch confirms the suggested grade, or changes it with the reason. */
export const decideGradeRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  grade,
  reason: z.string().trim().min(1).max(500).optional(),
});
export const volunteerParam = z.strictObject({ volunteerId: z.coerce.number().int().positive().max(2_147_483_647) });
export const memberSheetQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

/** One party member's year (年终评议党员的重要依据): what they did and the grade it suggests. */
export const yearEndMember = z.object({
  volunteerId: z.number().int(),
  name: z.string(),
  branch: z.string().nullable(),
  studios: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.string() })),
  services: z.number().int(),
  personTimes: z.number(),
  ratings: z.number().int(),
  ratingMean: z.number().nullable(),
  /** The four quarters' scores (null: not scored). */
  quarterScores: z.array(z.number().nullable()),
  commendations: z.number().int(),
  substantiatedComplaints: z.number().int(),
  inspectionMean: z.number().nullable(),
  /** 优秀 / 合格 / 基本合格 / 不合格 as a suggestion only; null for a probationary member or a year with no scored quarter. */
  suggestedGrade: grade.nullable(),
  /** 预备党员: listed, not graded. */
  probationary: z.boolean(),
  /** The grade the branch confirmed or changed, and why it changed it. */
  confirmedGrade: grade.nullable(),
  gradeReason: z.string().nullable(),
});

export const yearEndSheet = z.object({
  year: z.number().int(),
  rule: gradeRule,
  members: z.array(yearEndMember),
  /** Per branch: at most a third of its graded members may be 优秀. */
  branches: z.array(
    z.object({
      branch: z.string().nullable(),
      graded: z.number().int(),
      excellent: z.number().int(),
      allowed: z.number().int(),
      ok: z.boolean(),
    }),
  ),
});
export type YearEndSheet = z.infer<typeof yearEndSheet>;

/** The district issues the commendation notice of a quarter (from its confirmed commendations). */
export const issueNoticeRequest = z.strictObject({
  quarter,
  /** The issuing unit as printed; the district's organisation department by default. */
  issuer: z.string().trim().min(2).max(100).optional(),
  /** The date printed on it; today by default. */
  issuedOn: date.optional(),
});

/** A commendation notice (通报表扬) and the studios it names. */
export const commendationNotice = z.object({
  id: z.number().int(),
  quarter: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  title: z.string(),
  studios: z.array(
    z.object({ studioId: z.number().int(), name: z.string(), unitName: z.string(), paragraph: z.string() }),
  ),
  createdAt: z.string(),
});
export type CommendationNotice = z.infer<typeof commendationNotice>;
