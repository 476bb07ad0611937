import type { NewAccount } from './schema.ts';

/** A new account's row: an enabled, unlocked account in Simplified Chinese and normal font. */
export function newAccountRow(a: {
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  unitId: number;
  at: string;
}): NewAccount {
  return {
    username: a.username,
    display_name: a.displayName,
    password_hash: a.passwordHash,
    role: a.role,
    unit_id: a.unitId,
    locale: 'zh-CN',
    large_font: 0,
    failed_count: 0,
    locked_until: null,
    disabled: 0,
    created_at: a.at,
    updated_at: a.at,
  };
}
