import { sql, type Kysely } from 'kysely';
import type { Database, NewAccount } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { likeEscape } from '../../../db/like.ts';

const columns = [
  'accounts.id',
  'accounts.username',
  'accounts.display_name',
  'accounts.role',
  'accounts.unit_id',
  'accounts.disabled',
  'accounts.locked_until',
  'accounts.created_at',
  'org_units.name as unit_name',
  'org_units.path as unit_path',
] as const;

/** An account with its unit, as lists and checks need it. */
export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** One account with its unit, or undefined. */
export async function findAccount(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('accounts')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .select(columns)
    .where('accounts.id', '=', id)
    .executeTakeFirst();
}

/** Whether a username is taken (usernames are unique for all accounts, enabled or not). */
export async function usernameExists(db: Kysely<Database>, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst()) !== undefined
  );
}

/** What a list of accounts is filtered by. */
export interface AccountFilter {
  path: string;
  role?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** Accounts bound to units in a subtree. */
export async function listAccounts(db: Kysely<Database>, f: AccountFilter) {
  const { from, to } = subtreeRange(f.path);
  let base = db
    .selectFrom('accounts')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
  if (f.role) base = base.where('accounts.role', '=', f.role);
  if (f.q) {
    const text = `%${likeEscape(f.q)}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`accounts.username like ${text} escape '\\'`,
        sql<boolean>`accounts.display_name like ${text} escape '\\'`,
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('org_units.path')
      .orderBy('accounts.username')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

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

/** Inserts a new account (see `newAccountRow`); answers its id. */
export async function insertAccount(db: Kysely<Database>, a: Parameters<typeof newAccountRow>[0]): Promise<number> {
  const row = await db.insertInto('accounts').values(newAccountRow(a)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Lifts a lockout: no failed logins counted, no lock. */
export async function clearLockout(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ failed_count: 0, locked_until: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Disables or re-enables an account. */
export async function updateDisabled(db: Kysely<Database>, id: number, disabled: boolean, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ disabled: disabled ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}
