import { volunteerKinds } from '../../../domain/registry/import-rows.ts';
import type { Translate } from '../../lib/i18n/index.ts';
import type { ScreeningStatus, VolunteerKind } from './api.ts';

export { volunteerKinds };
export const screeningStatuses: readonly ScreeningStatus[] = ['candidate', 'selected', 'declined'];

/** 党员 / 专业技术人才 / 驻区单位 / 民间组织 in the current language. */
export function kindLabel(t: Translate, kind: VolunteerKind): string {
  return t(`registry.kind.${kind}`);
}

/** 待挑选 / 已选用 / 不选用 in the current language. */
export function statusLabel(t: Translate, status: ScreeningStatus): string {
  return t(`registry.status.${status}`);
}

/** The tag colour of a screening status. */
export const statusColor: Record<ScreeningStatus, string> = {
  candidate: 'default',
  selected: 'green',
  declined: 'red',
};
