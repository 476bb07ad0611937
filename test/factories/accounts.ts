import { newAccountRow } from '../../src/server/features/accounts/accounts.repository.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { UnitLevel } from '../../src/domain/org-units/units.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { BUILT_AT, nextSeq, personNames, pick, type Db } from './common.ts';
import { buildUnit, rootDistrict } from './org-units.ts';

let demoHash: Promise<string> | undefined;
/** The demo password's hash, computed once per test file (argon2 is deliberately slow). */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/** Gives every account the demo password again (after a test changed one). */
export async function restoreDemoPasswords(db: Db): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: await demoPasswordHash() })
    .execute();
}

/** What a test may fix of a built account; everything else gets a valid default. */
export interface AccountOptions {
  /** A member by default. */
  role?: Role;
  /** Its unit; when absent one of a level the role may hold is built. */
  unitId?: number;
  username?: string;
  displayName?: string;
  /** The demo password by default, so `t.login(username)` works. */
  password?: string;
  disabled?: boolean;
  lockedUntil?: string | null;
  failedCount?: number;
}

/** A built account. */
export interface BuiltAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
}

const unitLevelFor: Record<Exclude<Role, 'district_admin'>, UnitLevel> = {
  street_admin: 'street',
  supervisor: 'street',
  community_admin: 'community',
  member: 'community',
};

/** Writes an enabled, unlocked account (in a fresh unit of the right level, or the root district for a district admin, when none is given). */
export async function buildAccount(db: Db, o: AccountOptions = {}): Promise<BuiltAccount> {
  const role = o.role ?? 'member';
  const n = nextSeq();
  const unitId =
    o.unitId ??
    (role === 'district_admin' ? await rootDistrict(db) : await buildUnit(db, { level: unitLevelFor[role] })).id;
  const username = o.username ?? `user${n}`;
  const displayName = o.displayName ?? pick(personNames, n);
  const passwordHash = o.password === undefined ? await demoPasswordHash() : await hashPassword(o.password);
  const row = newAccountRow({ username, displayName, passwordHash, role, unitId, at: BUILT_AT });
  const { id } = await db
    .insertInto('accounts')
    .values({
      ...row,
      disabled: o.disabled ? 1 : 0,
      locked_until: o.lockedUntil ?? null,
      failed_count: o.failedCount ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, username, displayName, role, unitId };
}
