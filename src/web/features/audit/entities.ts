import type { MessageKey } from '../../lib/i18n/index.ts';

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
] as const;
export type AuditEntity = (typeof auditEntities)[number];

/** The label key of an entity; unknown (newer) entities show their raw name. */
export function entityLabelKey(entity: string): MessageKey | null {
  return (auditEntities as readonly string[]).includes(entity)
    ? (`audit.entity.${entity as AuditEntity}` as const)
    : null;
}
