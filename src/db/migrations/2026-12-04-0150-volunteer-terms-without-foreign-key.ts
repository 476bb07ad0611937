import { sql, type Kysely, type Migration } from 'kysely';
import { byteOrdered, type Engine } from './helpers.ts';

/**
 * The search terms (0005) are an index the registry's writers keep beside each record, in the
 * record's own transaction; their foreign key to the record checked, for every term written,
 * that the record just inserted exists. On PostgreSQL that check is a trigger per row: about a
 * third of the time of writing a 100,000-row import's 1.4 million terms. Records are never
 * deleted, so the key's ON DELETE CASCADE had nothing to do; a writer that ever deletes one
 * deletes its terms by `volunteer_terms_volunteer`.
 *
 * SQLite cannot drop a constraint: the table is made again without it, its rows copied in key
 * order.
 */
export function volunteerTermsWithoutForeignKeyMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (engine === 'postgres') {
        // PostgreSQL named the constraint itself (0005 declared it inline).
        const { rows } = await sql<{ name: string }>`
          select constraint_name as name from information_schema.table_constraints
          where table_schema = current_schema() and table_name = 'volunteer_terms'
            and constraint_type = 'FOREIGN KEY'`.execute(db);
        for (const { name } of rows) await sql`alter table volunteer_terms drop constraint ${sql.id(name)}`.execute(db);
        return;
      }
      await remakeTable(db, engine, false);
    },
    async down(db: Kysely<unknown>) {
      if (engine === 'postgres') {
        await sql`alter table volunteer_terms add foreign key (volunteer_id) references volunteers (id) on delete cascade`.execute(
          db,
        );
        return;
      }
      await remakeTable(db, engine, true);
    },
  };
}

/** SQLite: `volunteer_terms` made again, with or without the foreign key, with its rows and indexes. */
async function remakeTable(db: Kysely<unknown>, engine: Engine, foreignKey: boolean): Promise<void> {
  await db.schema
    .createTable('volunteer_terms_new')
    .addColumn('term', 'varchar(420)', byteOrdered(engine))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('volunteer_id', 'integer', (c) =>
      foreignKey ? c.notNull().references('volunteers.id').onDelete('cascade') : c.notNull(),
    )
    .addPrimaryKeyConstraint('volunteer_terms_pk', ['term', 'unit_id', 'volunteer_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into volunteer_terms_new (term, unit_id, volunteer_id)
    select term, unit_id, volunteer_id from volunteer_terms order by term, unit_id, volunteer_id`.execute(db);
  await db.schema.dropTable('volunteer_terms').execute();
  await sql`alter table volunteer_terms_new rename to volunteer_terms`.execute(db);
  await db.schema.createIndex('volunteer_terms_volunteer').on('volunteer_terms').column('volunteer_id').execute();
  await db.schema
    .createIndex('volunteer_terms_term_volunteer')
    .on('volunteer_terms')
    .columns(['term', 'volunteer_id'])
    .execute();
}
