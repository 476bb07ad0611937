import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import { passwordProblems } from '../domain/accounts/password.ts';
import { hashPassword, isCommonPassword } from '../server/passwords.ts';
import { insertAccount, usernameExists } from '../server/features/accounts/accounts.repository.ts';
import { recordAudit } from '../server/features/audit/audit.repository.ts';
import { findUnitByCode } from '../server/features/org-units/org-units.repository.ts';

/** Creates the first district admin of a production install; returns a sentence for the operator. */
export async function createAdmin(
  db: Kysely<Database>,
  config: Config,
  input: { username: string; displayName: string; unitCode: string; password: string },
): Promise<string> {
  if (!/^[a-z0-9_.-]{3,64}$/.test(input.username))
    return 'A username of 3–64 characters a-z, 0-9, _ . - is needed (--username).';
  const problems = passwordProblems(
    input.password,
    { minLength: config.PASSWORD_MIN_LENGTH, minClasses: config.PASSWORD_MIN_CLASSES },
    { username: input.username, isCommon: isCommonPassword },
  );
  if (problems.length) return `HUIMIN_ADMIN_PASSWORD does not meet the password policy (${problems.join(', ')}).`;
  const unit = await findUnitByCode(db, input.unitCode);
  if (!unit) return `No unit with code ${input.unitCode}; run "huimin load-divisions" first.`;
  if (unit.level !== 'district') return `Unit ${input.unitCode} is not a district.`;
  if (await usernameExists(db, input.username)) return `The username ${input.username} is taken.`;
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const id = await insertAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: 'district_admin',
      unitId: unit.id,
      at,
    });
    // A command line run has no actor, address or request: the entry names the CLI instead.
    await recordAudit(
      trx,
      { actor: null, ip: null, requestId: null, at },
      {
        entity: 'account',
        entityId: id,
        action: 'create',
        unitId: unit.id,
        after: { username: input.username, role: 'district_admin' },
      },
      'cli',
    );
  });
  return `Created district admin ${input.username}.`;
}
