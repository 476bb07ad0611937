import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';

/**
 * Codes sent by SMS to confirm that a phone's owner subscribes to or unsubscribes from a
 * community's announcements. A subscription row is written only once its code is
 * confirmed, so an unconfirmed one never receives announcements; subscriptions made
 * before codes existed stay as they are. Only a keyed hash of each code is kept.
 */
export function smsCodesMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('sms_codes'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('phone', 'varchar(20)', (c) => c.notNull())
        .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
        .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('consent_version', 'varchar(16)')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(30)')
        .execute();
      await db.schema
        .createIndex('sms_codes_target')
        .on('sms_codes')
        .columns(['unit_id', 'phone', 'purpose', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('sms_codes').execute();
    },
  };
}
