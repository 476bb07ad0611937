import { DomainError } from '../errors.ts';

/**
 * The district's quantitative evaluation scheme (量化考评办法) as data. A scheme is a base, items
 * that add or deduct points, and veto items (一票否决); published schemes such as "base 70 +
 * 评议 20 + contribution ≤ 10 − deductions" are a `base` item, `add` items and `deduct` items.
 * Schemes are versioned and never changed in place; each version takes effect on a date.
 */

/** Where an item's figure comes from. */
export const itemSources = [
  /** A fixed number of points every scored studio starts with. */
  'base',
  /** Person-times in the quarter per member, against the street's median. */
  'serviceVolume',
  /** The mean of the quarter's residents' ratings (1–5), from `minCount` ratings up. */
  'ratings',
  /** The quarter's inspection total (per cent, from the checklist's A/B/C/不合格 weights). */
  'inspections',
  /** The share of commitment checks in the quarter that found the commitment kept. */
  'commitments',
  /** Praise letters about the studio: points each, up to the cap. */
  'praise',
  /** Substantiated complaints about the studio: points each, up to the cap. */
  'complaints',
  /** The composite of 三率 (response, resolution, satisfaction) of letters about the studio. */
  'threeRates',
] as const;
export type ItemSource = (typeof itemSources)[number];

/** Sources measured as a share of the item's points (0–1); the others count events. */
export const ratioSources: readonly ItemSource[] = [
  'serviceVolume',
  'ratings',
  'inspections',
  'commitments',
  'threeRates',
];

/** What a veto item looks at. */
export const vetoSources = [
  /** A substantiated fee-taking (趋利化) finding: a profit-drift rectification, or a substantiated complaint about fees. */
  'feeTaking',
] as const;
export type VetoSource = (typeof vetoSources)[number];

/** A title in the three languages of the interface. */
export interface Title {
  'zh-CN': string;
  'zh-TW': string;
  en: string;
}

/** One scored item. */
export interface SchemeItem {
  code: string;
  title: Title;
  source: ItemSource;
  direction: 'add' | 'deduct';
  /** Full points for a ratio source or `base`; points per event for `praise` and `complaints`. */
  points: number;
  /** The most points the item can add or deduct. */
  cap: number;
  /** `ratings` only: fewer ratings than this score nothing. */
  minCount?: number | undefined;
}

/** A veto item: when triggered, the quarter's total is the scheme's minimum. */
export interface VetoItem {
  code: string;
  title: Title;
  source: VetoSource;
}

/** Who is proposed for commendation and for rectification or revocation. */
export interface ProposalRules {
  /** Share of the district's scored studios (from the top) proposed for commendation, 0–1. */
  commendTopShare: number;
  /** A studio with a substantiated complaint in the quarter is never commended. */
  commendRequiresNoComplaint: boolean;
  /** Share of the district's scored studios (from the bottom) proposed to their street, 0–1. */
  reviewBottomShare: number;
  /** 群众反映强烈: this many substantiated complaints within the window proposes the studio. */
  complaintsInWindow: number;
  /** The window in quarters, ending with the quarter scored. */
  windowQuarters: number;
}

/** The configuration of one scheme version. */
export interface SchemeConfig {
  items: SchemeItem[];
  vetoes: VetoItem[];
  /** The lowest and highest total; a vetoed quarter is the minimum. */
  minimum: number;
  maximum: number;
  proposals: ProposalRules;
}

const t = (zhCN: string, zhTW: string, en: string): Title => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** The scheme every install starts with (version 1), in the base-plus-bonus-minus-deductions shape. */
export const defaultScheme: SchemeConfig = {
  minimum: 0,
  maximum: 100,
  items: [
    { code: 'base', title: t('基础分', '基礎分', 'Base'), source: 'base', direction: 'add', points: 40, cap: 40 },
    {
      code: 'volume',
      title: t(
        '服务量（人均人次，对比街道中位数）',
        '服務量（人均人次，對比街道中位數）',
        'Service volume per member vs the street median',
      ),
      source: 'serviceVolume',
      direction: 'add',
      points: 15,
      cap: 15,
    },
    {
      code: 'ratings',
      title: t('群众评价', '群眾評價', "Residents' ratings"),
      source: 'ratings',
      direction: 'add',
      points: 15,
      cap: 15,
      minCount: 5,
    },
    {
      code: 'inspections',
      title: t('监督员检查', '監督員檢查', 'Inspections'),
      source: 'inspections',
      direction: 'add',
      points: 15,
      cap: 15,
    },
    {
      code: 'commitments',
      title: t('承诺兑现', '承諾兌現', 'Commitments kept'),
      source: 'commitments',
      direction: 'add',
      points: 10,
      cap: 10,
    },
    {
      code: 'three_rates',
      title: t('来信三率', '來信三率', 'Three rates of letters'),
      source: 'threeRates',
      direction: 'add',
      points: 5,
      cap: 5,
    },
    {
      code: 'praise',
      title: t('表扬来信', '表揚來信', 'Praise letters'),
      source: 'praise',
      direction: 'add',
      points: 1,
      cap: 3,
    },
    {
      code: 'complaints',
      title: t('查实投诉', '查實投訴', 'Substantiated complaints'),
      source: 'complaints',
      direction: 'deduct',
      points: 5,
      cap: 20,
    },
  ],
  vetoes: [
    {
      code: 'fee_taking',
      title: t('查实趋利化（收费）', '查實趨利化（收費）', 'Substantiated fee-taking'),
      source: 'feeTaking',
    },
  ],
  proposals: {
    commendTopShare: 0.1,
    commendRequiresNoComplaint: true,
    reviewBottomShare: 0.05,
    complaintsInWindow: 2,
    windowQuarters: 2,
  },
};

const invalid = (field: string) => new DomainError('VALIDATION_FAILED', { field });
const isShare = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;

/**
 * Refuses a scheme the district could not mean: repeated codes, negative points, a cap below
 * zero, a deducting base, bounds inverted. The refusal names the field by its path in the
 * config (`items.2.cap`), so the editor marks that very field.
 */
export function checkScheme(s: SchemeConfig): void {
  if (s.items.length === 0) throw invalid('items');
  const seen = new Set<string>();
  const fresh = (code: string, path: string) => {
    if (seen.has(code)) throw invalid(path);
    seen.add(code);
  };
  for (const [n, item] of s.items.entries()) {
    fresh(item.code, `items.${n}.code`);
    if (!(Number.isFinite(item.points) && item.points >= 0)) throw invalid(`items.${n}.points`);
    if (!(Number.isFinite(item.cap) && item.cap >= 0)) throw invalid(`items.${n}.cap`);
    if (item.source === 'base' && item.direction !== 'add') throw invalid(`items.${n}.direction`);
    if (item.minCount !== undefined && !(Number.isInteger(item.minCount) && item.minCount >= 0))
      throw invalid(`items.${n}.minCount`);
  }
  for (const [n, veto] of s.vetoes.entries()) fresh(veto.code, `vetoes.${n}.code`);
  if (!(Number.isFinite(s.minimum) && Number.isFinite(s.maximum) && s.minimum < s.maximum)) throw invalid('maximum');
  const p = s.proposals;
  if (!isShare(p.commendTopShare)) throw invalid('proposals.commendTopShare');
  if (!isShare(p.reviewBottomShare)) throw invalid('proposals.reviewBottomShare');
  if (!(Number.isInteger(p.complaintsInWindow) && p.complaintsInWindow >= 1))
    throw invalid('proposals.complaintsInWindow');
  if (!(Number.isInteger(p.windowQuarters) && p.windowQuarters >= 1 && p.windowQuarters <= 8))
    throw invalid('proposals.windowQuarters');
}

/** The most a scheme can give: its add items' caps, bounded by the maximum. */
export function schemeCeiling(s: SchemeConfig): number {
  const adds = s.items.filter((i) => i.direction === 'add').reduce((sum, i) => sum + i.cap, 0);
  return Math.min(adds, s.maximum);
}

/** A stored version of a scheme, with the first day (YYYY-MM-DD) it is in force. */
export interface SchemeVersion {
  version: number;
  effectiveFrom: string;
  config: SchemeConfig;
}

/**
 * The version in force on a day: the one with the latest effective date on or before it (the
 * higher version number when two share a date). A quarter is scored with the version in force
 * on its first day, so a version published later never changes a past quarter.
 */
export function versionInForce<V extends Pick<SchemeVersion, 'version' | 'effectiveFrom'>>(
  versions: readonly V[],
  day: string,
): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > day) continue;
    if (
      !best ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    )
      best = v;
  }
  return best;
}

/**
 * Refuses an effective date before the quarter now running: a new version may change the
 * current quarter and later ones, never a quarter already over.
 */
export function checkEffectiveFrom(effectiveFrom: string, currentQuarterStart: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom)))
    throw invalid('effectiveFrom');
  if (effectiveFrom < currentQuarterStart)
    throw new DomainError('SCHEME_EFFECTIVE_IN_PAST', { from: currentQuarterStart, field: 'effectiveFrom' });
}
