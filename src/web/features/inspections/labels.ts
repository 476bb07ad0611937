import type { Rating } from '../../../domain/inspections/checklist.ts';
import type { InspectionStatus } from '../../../domain/inspections/lifecycle.ts';
import type { ProposalStatus } from '../../../domain/inspections/proposal.ts';
import { previousQuarter, quarterOfDay, type Quarter } from '../../../domain/inspections/quarters.ts';
import type { SupervisorStatus } from '../../../domain/inspections/supervisors.ts';
import type { Locale, Translate } from '../../lib/i18n/index.ts';
import type { Checklist } from './api.ts';
import { formatDateTime } from '../../lib/dates.ts';

/**
 * Tag colours as solid fills under white text, each dark enough for WCAG AA (4.5:1): antd's
 * preset light tags (green text on pale green, …) fall below it. Waiting blue, done green,
 * trouble orange or red, ended grey; the text carries the meaning, the colour only helps.
 */
export const tone = {
  blue: '#0958d9',
  green: '#237804',
  cyan: '#006d75',
  grey: '#595959',
  orange: '#ad4e00',
  red: '#a8071a',
  gold: '#874d00',
} as const;

export const inspectionColors: Record<InspectionStatus, string> = {
  planned: tone.blue,
  submitted: tone.green,
  corrected: tone.cyan,
  cancelled: tone.grey,
};
export const proposalColors: Record<ProposalStatus, string> = {
  proposed: tone.orange,
  confirmed: tone.red,
  rejected: tone.grey,
  withdrawn: tone.grey,
};
export const supervisorColors: Record<SupervisorStatus, string> = {
  active: tone.green,
  term_ended: tone.grey,
  dismissed: tone.red,
};
export const ratingColors: Record<Rating, string> = { A: tone.green, B: tone.blue, C: tone.gold, fail: tone.red };

export const inspectionStatusLabel = (t: Translate, s: InspectionStatus) => t(`inspections.status.${s}`);
export const proposalStatusLabel = (t: Translate, s: ProposalStatus) => t(`inspections.proposal.${s}`);
export const supervisorStatusLabel = (t: Translate, s: SupervisorStatus) => t(`inspections.supervisor.${s}`);
export const ratingLabel = (t: Translate, r: Rating) => t(`inspections.rating.${r}`);

/** An item's title in the interface language (its code when the checklist lacks it). */
export function itemTitle(checklist: Checklist, code: string, locale: Locale): string {
  return checklist.items.find((i) => i.code === code)?.title[locale] ?? code;
}

/** A time as the reader's locale writes it, to the minute. */
export function formatTime(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return formatDateTime(iso, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The quarter of today in China (UTC+8), e.g. 2026-Q4. */
export function currentQuarter(now = new Date()): Quarter {
  return quarterOfDay(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
}

/** This quarter and the four before it, newest first, for a quarter picker. */
export function recentQuarters(now = new Date()): Quarter[] {
  const out: Quarter[] = [currentQuarter(now)];
  while (out.length < 5) out.push(previousQuarter(out[out.length - 1] as Quarter));
  return out;
}
