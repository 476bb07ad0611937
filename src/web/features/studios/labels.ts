import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { Locale, MessageKey, Translate } from '../../lib/i18n/index.ts';
import type { Category } from './api.ts';
import { zhCN } from './messages.ts';

/** Tag colours by status: waiting states blue, serving green, trouble orange, ended grey/red. */
export const statusColors: Record<StudioStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  community_reviewed: 'processing',
  approved: 'cyan',
  rejected: 'red',
  contracted: 'geekblue',
  active: 'green',
  rectification: 'orange',
  revoked: 'red',
  closed: 'default',
};

export function statusLabel(t: Translate, status: StudioStatus): string {
  return t(`studios.status.${status}`);
}

/** A history entry's action ('create' or a lifecycle action); unknown ones show as recorded. */
export function actionLabel(t: Translate, action: string): string {
  const key = `studios.action.${action}`;
  return isKey(key) ? t(key) : action;
}

/** A rectification kind: 行政化 / 趋利化 drift or other findings. */
export function rectificationKindLabel(t: Translate, kind: string): string {
  const key = `studios.rectify.kind.${kind}`;
  return isKey(key) ? t(key) : kind;
}

// History actions and kinds arrive as plain strings; a key the dictionary lacks would make
// t() fail, so check against this area's source dictionary first.
function isKey(key: string): key is MessageKey {
  return key in zhCN;
}

/** A category's name in the interface language. */
export function categoryName(category: Category, locale: Locale): string {
  return category.name[locale];
}
