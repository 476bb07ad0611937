import type { MessageKey } from '../../lib/i18n/index.ts';
import { auditActions, moreAuditEntities, type AuditAction } from './messages.ts';

export { auditActions };

/** The kinds of object the server writes audit entries for, with their labels. */
export const auditEntities = [
  'session',
  'account',
  'settings',
  'orgUnit',
  'studio',
  'commitment',
  'volunteer',
  'need',
  'venue',
  'import',
  'smsSubscription',
  'system',
  ...moreAuditEntities,
] as const;
export type AuditEntity = (typeof auditEntities)[number];

/** The label key of an entity; unknown (newer) entities show their raw name. */
export function entityLabelKey(entity: string): MessageKey | null {
  return (auditEntities as readonly string[]).includes(entity)
    ? (`audit.entity.${entity as AuditEntity}` as const)
    : null;
}

/** An entity type in the reader's language (a newer one the web does not know shows its raw name). */
export function auditEntityLabel(t: (key: MessageKey) => string, entity: string): string {
  const key = entityLabelKey(entity);
  return key ? t(key) : entity;
}

/** An audit action in the reader's language (a newer one the web does not know shows its raw name). */
export function auditActionLabel(t: (key: MessageKey) => string, action: string): string {
  const key = actionLabelKey(action);
  return key ? t(key) : action;
}

/** The label key of an action; unknown (newer) actions have none. */
export function actionLabelKey(action: string): MessageKey | null {
  return (auditActions as readonly string[]).includes(action)
    ? (`audit.action.${action as AuditAction}` as const)
    : null;
}
