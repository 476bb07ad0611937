import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org/units.ts';
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

export type AccountListRow = Awaited<ReturnType<typeof findAccount>> & object;

export async function findAccount(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('accounts')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .select(columns)
    .where('accounts.id', '=', id)
    .executeTakeFirst();
}

export async function usernameExists(db: Kysely<Database>, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst()) !== undefined
  );
}

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
