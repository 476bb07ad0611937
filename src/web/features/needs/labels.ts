import type { Translate } from '../../lib/i18n/index.ts';
import type { Channel, Urgency } from './api.ts';

export const channels: readonly Channel[] = ['diary', 'survey', 'visit'];
export const urgencies: readonly Urgency[] = ['low', 'normal', 'high'];

/** 民情日记 / 征求意见 / 入户访谈 in the current language. */
export function channelLabel(t: Translate, c: Channel): string {
  return t(`needs.channel.${c}`);
}

export function urgencyLabel(t: Translate, u: Urgency): string {
  return t(`needs.urgency.${u}`);
}

export const urgencyColor: Record<Urgency, string> = { low: 'default', normal: 'blue', high: 'red' };

/** A confidence (0–1) as a whole percentage. */
export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}
