import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Category } from '../../../contract/categories.ts';
import type { Database } from '../../../db/schema.ts';
import { presentCategory } from './categories.presenter.ts';

/** A row of the categories table. */
export type CategoryRow = Selectable<Database['categories']>;

/** Every category row in display order. */
export async function listCategoryRows(db: Kysely<Database>): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('position').execute();
}

/**
 * Every category in display order, with its names in the three languages: the shared read
 * other features use for labels, filters and the public list.
 */
export async function listCategories(db: Kysely<Database>): Promise<Category[]> {
  return (await listCategoryRows(db)).map(presentCategory);
}

/** One category row, or undefined. */
export async function findCategory(db: Kysely<Database>, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether every one of these ids names a category (enabled or not); an unknown id is the client's mistake, not a foreign-key failure. */
export async function allCategoriesExist(db: Kysely<Database>, ids: readonly number[]): Promise<boolean> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return true;
  const rows = await db.selectFrom('categories').select('id').where('id', 'in', wanted).execute();
  return rows.length === wanted.length;
}

/** The id of the category holding a code, if any. */
export async function findCategoryIdByCode(db: Kysely<Database>, code: string): Promise<number | undefined> {
  return (await db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** Adds a category; answers its id. */
export async function insertCategory(
  db: Kysely<Database>,
  values: Insertable<Database['categories']>,
): Promise<number> {
  return (await db.insertInto('categories').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a category. */
export async function updateCategory(
  db: Kysely<Database>,
  id: number,
  set: Updateable<Database['categories']>,
): Promise<void> {
  await db.updateTable('categories').set(set).where('id', '=', id).execute();
}

/** The Simplified Chinese name of every category, by id (printed documents are in Chinese). */
export async function categoryNamesZh(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('categories').select(['id', 'name_zh_cn']).execute();
  return new Map(rows.map((r) => [r.id, r.name_zh_cn]));
}

/** An enabled category with its Chinese name, or undefined. */
export async function findEnabledCategory(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('categories')
    .select(['id', 'name_zh_cn'])
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .executeTakeFirst();
}

/** A category's Chinese name (the SMS to members is in Chinese). */
export async function categoryNameOf(db: Kysely<Database>, id: number): Promise<string> {
  const row = await db.selectFrom('categories').select('name_zh_cn').where('id', '=', id).executeTakeFirstOrThrow();
  return row.name_zh_cn;
}

/** Which of these categories exist and are enabled. */
export async function findEnabledCategoryIds(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  const rows = await db.selectFrom('categories').select('id').where('id', 'in', ids).where('enabled', '=', 1).execute();
  return rows.map((r) => r.id);
}
