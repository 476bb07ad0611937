import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import { passwordProblems } from '../domain/accounts/password.ts';
import { newAccountRow } from '../db/accounts.ts';
import { hashPassword } from '../server/features/auth/password-hasher.ts';

/** Creates the first district admin of a production install; returns a sentence for the operator. */
export async function createAdmin(
  db: Kysely<Database>,
  config: Config,
  input: { username: string; displayName: string; unitCode: string; password: string },
): Promise<string> {
  if (!/^[a-z0-9_.-]{3,64}$/.test(input.username))
    return 'A username of 3–64 characters a-z, 0-9, _ . - is needed (--username).';
  const problems = passwordProblems(input.password, {
    minLength: config.PASSWORD_MIN_LENGTH,
    minClasses: config.PASSWORD_MIN_CLASSES,
  });
  if (problems.length) return `HUIMIN_ADMIN_PASSWORD does not meet the password policy (${problems.join(', ')}).`;
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'level'])
    .where('code', '=', input.unitCode)
    .executeTakeFirst();
  if (!unit) return `No unit with code ${input.unitCode}; run "huimin load-divisions" first.`;
  if (unit.level !== 'district') return `Unit ${input.unitCode} is not a district.`;
  if (await db.selectFrom('accounts').select('id').where('username', '=', input.username).executeTakeFirst())
    return `The username ${input.username} is taken.`;
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('accounts')
      .values(
        newAccountRow({
          username: input.username,
          displayName: input.displayName,
          passwordHash: await hashPassword(input.password),
          role: 'district_admin',
          unitId: unit.id,
          at,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('audit_log')
      .values({
        at,
        actor_id: null,
        actor_name: 'cli',
        unit_id: unit.id,
        entity: 'account',
        entity_id: String(row.id),
        action: 'create',
        before_json: null,
        after_json: JSON.stringify({ username: input.username, role: 'district_admin' }),
        ip: null,
        request_id: null,
      })
      .execute();
  });
  return `Created district admin ${input.username}.`;
}
