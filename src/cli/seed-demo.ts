import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DEMO_PASSWORD, demoAccounts, isEmpty, loadDemoData } from '../db/seed/demo.ts';
import { hashPassword } from '../server/passwords.ts';

/**
 * `huimin seed-demo` (`npm run db:seed`): loads the demo data (the Xinluo tree, the demo
 * accounts, studios, venues and needs) into an empty database, as a demo-mode start does.
 * Returns the line to print; a database that already holds units is left alone.
 */
export async function seedDemo(db: Kysely<Database>, now: Date): Promise<{ ok: boolean; message: string }> {
  if (!(await isEmpty(db)))
    return { ok: false, message: 'The database already holds org units; the demo data goes into an empty one only.' };
  await loadDemoData(db, now.toISOString(), await hashPassword(DEMO_PASSWORD));
  const names = demoAccounts.map((a) => a.username).join(', ');
  return { ok: true, message: `Loaded the demo data: accounts ${names} (password ${DEMO_PASSWORD}).` };
}
