import { sql, type Kysely, type Migration } from 'kysely';
import { volunteerSearchTerms } from '../../domain/registry/search-terms.ts';
import { byteOrdered, type Engine } from './helpers.ts';

/**
 * The registry's search terms (src/domain/registry/search-terms.ts): searching a province's
 * registry by name, pinyin, initials or profession becomes an index lookup instead of a scan.
 * Byte-ordered, so the pinyin and initials prefixes are range scans on both engines. Existing
 * records get their terms here. No foreign key on unit_id: the record's own carries it.
 */
export function volunteerSearchTermsMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('volunteer_terms')
        .addColumn('term', 'varchar(420)', byteOrdered(engine))
        // The record's unit: a small subtree's matches are one short range of the key per unit.
        .addColumn('unit_id', 'integer', (c) => c.notNull())
        .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('volunteer_terms_pk', ['term', 'unit_id', 'volunteer_id']);
      // The table is its index: SQLite need not keep a rowid b-tree beside it.
      if (engine === 'sqlite') table = table.modifyEnd(sql`without rowid`);
      await table.execute();
      await db.schema.createIndex('volunteer_terms_volunteer').on('volunteer_terms').column('volunteer_id').execute();

      type Tables = {
        volunteers: {
          id: number;
          unit_id: number;
          name: string;
          profession: string | null;
          qualifications: string | null;
          pinyin: string;
          initials: string;
        };
        volunteer_terms: { term: string; unit_id: number; volunteer_id: number };
      };
      const people = db as unknown as Kysely<Tables>;
      for (let after = 0; ;) {
        const batch = await people
          .selectFrom('volunteers')
          .select(['id', 'unit_id', 'name', 'profession', 'qualifications', 'pinyin', 'initials'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(1000)
          .execute();
        if (batch.length === 0) break;
        const rows = batch.flatMap((v) =>
          volunteerSearchTerms(v).map((term) => ({ term, unit_id: v.unit_id, volunteer_id: v.id })),
        );
        for (let i = 0; i < rows.length; i += 2000)
          await people
            .insertInto('volunteer_terms')
            .values(rows.slice(i, i + 2000))
            .execute();
        after = batch[batch.length - 1]!.id;
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('volunteer_terms').execute();
    },
  };
}
