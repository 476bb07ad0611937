import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * Sign-in throttles: one row per key (an account, an account from one source address, one
 * source address) with its streak of counted attempts and the time it is held back until. Kept
 * apart from `accounts`, so an unknown username is throttled exactly like a real one.
 */
export function loginThrottlesMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_throttles')
        .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('blocked_until', 'varchar(30)')
        .addColumn('last_failure_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('login_throttles').execute();
    },
  };
}
