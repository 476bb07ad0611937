import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';
import { defaultCategories } from '../../domain/categories/defaults.ts';

/**
 * Service categories, the registry of volunteers (its first columns), studios with
 * their application, reviews, contracts, plaques, rectifications and transition
 * history, public commitments, SMS subscriptions, the notification outbox,
 * reminders and attachments.
 */
export function studios(engine: Engine): Migration {
  const blob = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('categories'), engine)
        .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('name_zh_cn', 'varchar(50)', (c) => c.notNull())
        .addColumn('name_zh_tw', 'varchar(50)', (c) => c.notNull())
        .addColumn('name_en', 'varchar(80)', (c) => c.notNull())
        .addColumn('icon', 'varchar(40)', (c) => c.notNull())
        .addColumn('color', 'varchar(16)', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // The 11 default categories belong to every install, demo or not; district admins edit them later.
      await (db as Kysely<{ categories: Record<string, string | number> }>)
        .insertInto('categories')
        .values(
          defaultCategories.map((c, i) => ({
            code: c.code,
            name_zh_cn: c.zhCN,
            name_zh_tw: c.zhTW,
            name_en: c.en,
            icon: c.icon,
            color: c.color,
            position: i + 1,
            enabled: 1,
          })),
        )
        .execute();

      await withId(db.schema.createTable('volunteers'), engine)
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('gender', 'varchar(8)')
        .addColumn('birth_year', 'integer')
        .addColumn('phone', 'varchar(20)')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('party_branch', 'varchar(100)')
        .addColumn('profession', 'varchar(100)')
        .addColumn('pinyin', 'varchar(400)', (c) => c.notNull())
        .addColumn('initials', 'varchar(100)', (c) => c.notNull())
        .addColumn('screening_status', 'varchar(16)', (c) => c.notNull().defaultTo('candidate'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('volunteers_unit').on('volunteers').column('unit_id').execute();
      await db.schema.createIndex('volunteers_account').on('volunteers').column('account_id').execute();

      await withId(db.schema.createTable('studios'), engine)
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('status', 'varchar(24)', (c) => c.notNull())
        .addColumn('staffing_mode', 'varchar(8)', (c) => c.notNull())
        .addColumn('origin', 'varchar(12)', (c) => c.notNull())
        .addColumn('recommended_by_unit_id', 'integer', (c) => c.references('org_units.id'))
        .addColumn('applicant_account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('leader_volunteer_id', 'integer', (c) => c.references('volunteers.id'))
        .addColumn('description', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
        .addColumn('venue_address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('opening_hours', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('contact_phone', 'varchar(20)')
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('term_start', 'varchar(10)')
        .addColumn('term_end', 'varchar(10)')
        .addColumn('plaque_number', 'varchar(32)')
        .addColumn('status_reason', 'varchar(500)')
        .addColumn('status_changed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studios_unit').on('studios').column('unit_id').execute();
      await db.schema.createIndex('studios_status').on('studios').column('status').execute();

      await db.schema
        .createTable('studio_categories')
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
        .addPrimaryKeyConstraint('studio_categories_pk', ['studio_id', 'category_id'])
        .execute();
      await db.schema.createIndex('studio_categories_category').on('studio_categories').column('category_id').execute();

      await withId(db.schema.createTable('studio_service_items'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('description', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('studio_service_items_studio')
        .on('studio_service_items')
        .column('studio_id')
        .execute();

      await db.schema
        .createTable('studio_members')
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id'))
        .addColumn('role', 'varchar(8)', (c) => c.notNull())
        .addPrimaryKeyConstraint('studio_members_pk', ['studio_id', 'volunteer_id'])
        .execute();
      await db.schema.createIndex('studio_members_volunteer').on('studio_members').column('volunteer_id').execute();

      await withId(db.schema.createTable('attachments'), engine)
        .addColumn('filename', 'varchar(200)', (c) => c.notNull())
        .addColumn('mime', 'varchar(100)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('studio_qualifications'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('holder', 'varchar(100)', (c) => c.notNull())
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('issuer', 'varchar(100)', (c) => c.notNull().defaultTo(''))
        .addColumn('attachment_id', 'integer', (c) => c.references('attachments.id'))
        .execute();
      await db.schema
        .createIndex('studio_qualifications_studio')
        .on('studio_qualifications')
        .column('studio_id')
        .execute();

      await withId(db.schema.createTable('studio_reviews'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('stage', 'varchar(12)', (c) => c.notNull())
        .addColumn('political_pass', 'integer', (c) => c.notNull())
        .addColumn('political_comment', 'varchar(500)', (c) => c.notNull())
        .addColumn('specialty_pass', 'integer', (c) => c.notNull())
        .addColumn('specialty_comment', 'varchar(500)', (c) => c.notNull())
        .addColumn('items_pass', 'integer', (c) => c.notNull())
        .addColumn('items_comment', 'varchar(500)', (c) => c.notNull())
        .addColumn('decision', 'varchar(8)', (c) => c.notNull())
        .addColumn('reason', 'varchar(500)')
        .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_reviews_studio').on('studio_reviews').column('studio_id').execute();

      await withId(db.schema.createTable('studio_contracts'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('number', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('term_start', 'varchar(10)', (c) => c.notNull())
        .addColumn('term_end', 'varchar(10)', (c) => c.notNull())
        .addColumn('signatories_json', 'text', (c) => c.notNull())
        .addColumn('unpaid_clause', 'text', (c) => c.notNull())
        .addColumn('renewal', 'integer', (c) => c.notNull())
        .addColumn('signed_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('signed_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_contracts_studio').on('studio_contracts').column('studio_id').execute();

      // Plaque numbers are unique for all time: rows are retired, never deleted.
      await withId(db.schema.createTable('plaques'), engine)
        .addColumn('number', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('awarded_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('awarded_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('retired_on', 'varchar(10)')
        .addColumn('retired_reason', 'varchar(500)')
        .execute();
      await db.schema.createIndex('plaques_studio').on('plaques').column('studio_id').execute();

      await withId(db.schema.createTable('studio_rectifications'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('findings', 'varchar(1000)', (c) => c.notNull())
        .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
        .addColumn('opened_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('opened_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('closed_at', 'varchar(30)')
        .addColumn('outcome', 'varchar(1000)')
        .execute();
      await db.schema
        .createIndex('studio_rectifications_studio')
        .on('studio_rectifications')
        .column('studio_id')
        .execute();

      await withId(db.schema.createTable('studio_transitions'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('action', 'varchar(32)', (c) => c.notNull())
        .addColumn('from_status', 'varchar(24)')
        .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('actor_name', 'varchar(100)')
        .addColumn('note', 'varchar(1000)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_transitions_studio').on('studio_transitions').column('studio_id').execute();

      await withId(db.schema.createTable('commitments'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('text', 'varchar(300)', (c) => c.notNull())
        .addColumn('target', 'integer')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('published_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('commitments_studio').on('commitments').column('studio_id').execute();

      // Whether a published commitment was kept, period by period (fulfilment tracking).
      await withId(db.schema.createTable('commitment_checks'), engine)
        .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
        .addColumn('period', 'varchar(7)', (c) => c.notNull())
        .addColumn('kept', 'integer', (c) => c.notNull())
        .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('checked_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('commitment_checks_once', ['commitment_id', 'period'])
        .execute();

      await withId(db.schema.createTable('sms_subscriptions'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('phone', 'varchar(20)', (c) => c.notNull())
        .addColumn('consent_version', 'varchar(16)', (c) => c.notNull())
        .addColumn('subscribed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('unsubscribed_at', 'varchar(30)')
        .addUniqueConstraint('sms_subscriptions_unit_phone', ['unit_id', 'phone'])
        .execute();

      await withId(db.schema.createTable('outbox'), engine)
        .addColumn('channel', 'varchar(16)', (c) => c.notNull())
        .addColumn('template_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('params_json', 'text', (c) => c.notNull())
        .addColumn('recipient', 'varchar(64)', (c) => c.notNull())
        .addColumn('signature', 'varchar(32)', (c) => c.notNull())
        .addColumn('body', 'varchar(1000)', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('entity', 'varchar(32)')
        .addColumn('entity_id', 'varchar(64)')
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('last_error', 'varchar(500)')
        .addColumn('provider_message_id', 'varchar(100)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_unit').on('outbox').column('unit_id').execute();

      await withId(db.schema.createTable('reminders'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('due', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('resolved_at', 'varchar(30)')
        .addUniqueConstraint('reminders_once', ['studio_id', 'kind', 'due'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'reminders',
        'outbox',
        'sms_subscriptions',
        'commitment_checks',
        'commitments',
        'studio_transitions',
        'studio_rectifications',
        'plaques',
        'studio_contracts',
        'studio_reviews',
        'studio_qualifications',
        'attachments',
        'studio_members',
        'studio_service_items',
        'studio_categories',
        'studios',
        'volunteers',
        'categories',
      ]) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
