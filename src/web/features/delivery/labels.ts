import { servedGroups, serviceModes, type ServedGroup, type ServiceMode } from '../../../domain/delivery/delivery.ts';
import { requestStatuses, type RequestStatus } from '../../../domain/delivery/request-lifecycle.ts';
import type { Locale, Translate } from '../../lib/i18n/index.ts';
import type { Category } from './api.ts';
import { formatDateTime } from '../../lib/dates.ts';

export { servedGroups, serviceModes, requestStatuses };
export type { RequestStatus, ServedGroup, ServiceMode };

/** 进城务工人员, 青少年, … in the current language. */
export const groupLabel = (t: Translate, g: ServedGroup) => t(`delivery.group.${g}`);
/** 工作室内, 上门, … */
export const modeLabel = (t: Translate, m: ServiceMode) => t(`delivery.mode.${m}`);
/** 待接单, 已接单, … */
export const statusLabel = (t: Translate, s: RequestStatus) => t(`delivery.status.${s}`);

/** Colours of the status tags: waiting stands out, done is quiet. */
export const statusColor: Record<RequestStatus, string> = {
  assigned: 'orange',
  accepted: 'blue',
  completed: 'green',
  unassigned: 'red',
};

/** A category's name in the interface language, or its id when it is unknown here. */
export function categoryName(categories: readonly Category[] | undefined, id: number, locale: Locale): string {
  return categories?.find((c) => c.id === id)?.name[locale] ?? `#${id}`;
}

/** A time as the member reads it: date and minutes, in their language. */
export function formatTime(iso: string, locale: Locale): string {
  return formatDateTime(iso, locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The code of the category legal-aid statistics count (政策法律咨询). */
export const LEGAL_CATEGORY_CODE = 'legal';

/** Units a staff filter may pick: everything below the district. */
export const UNIT_LEVELS = ['street', 'town', 'community', 'village', 'enterprise'] as const;
