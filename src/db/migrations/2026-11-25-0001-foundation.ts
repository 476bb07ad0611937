import type { Kysely, Migration } from 'kysely';
import { byteOrdered, withId, type Engine } from './helpers.ts';

/** The org tree, staff accounts, sessions and the audit log. */
export function foundation(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('org_units'), engine)
        .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('short_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('level', 'varchar(16)', (c) => c.notNull())
        .addColumn('post_kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
        .addColumn('path', 'varchar(400)', (c) => byteOrdered(engine)(c.notNull().unique()))
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('address', 'varchar(200)')
        .addColumn('pinyin', 'varchar(400)', (c) => c.notNull())
        .addColumn('initials', 'varchar(100)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

      await withId(db.schema.createTable('accounts'), engine)
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('role', 'varchar(32)', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('locale', 'varchar(8)', (c) => c.notNull().defaultTo('zh-CN'))
        .addColumn('large_font', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'varchar(30)')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accounts_unit').on('accounts').column('unit_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('ip', 'varchar(64)')
        .addColumn('user_agent', 'varchar(300)')
        .execute();
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

      await withId(db.schema.createTable('audit_log'), engine)
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'varchar(100)')
        .addColumn('unit_id', 'integer')
        .addColumn('entity', 'varchar(32)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(64)')
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('ip', 'varchar(64)')
        .addColumn('request_id', 'varchar(64)')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_log').execute();
      await db.schema.dropTable('sessions').execute();
      await db.schema.dropTable('accounts').execute();
      await db.schema.dropTable('org_units').execute();
    },
  };
}
