import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Category } from '../../../contract/categories.ts';
import type { Locale } from '../../../contract/common.ts';
import type { Database } from '../../../db/schema.ts';
import { bumpVersion, VersionedCache } from '../../versioned-cache.ts';
import { presentCategory } from './categories.presenter.ts';

// Categories are read on many paths (labels, filters, record and studio checks) and change a
// few times a year: outside a transaction they are answered from a copy in memory, reloaded
// when `categories.version` moves (every writer below bumps it in its transaction).

/** A row of the categories table. */
export type CategoryRow = Selectable<Database['categories']>;

/** The version row every writer of categories bumps. */
export const CATEGORIES_VERSION = 'categories.version';

const loadRows = (db: Kysely<Database>) => db.selectFrom('categories').selectAll().orderBy('position').execute();
const caches = new WeakMap<Kysely<Database>, VersionedCache<readonly CategoryRow[]>>();

/** The rows in display order: the cached copy, or in a transaction the rows themselves. */
async function rowsOf(db: Kysely<Database>): Promise<readonly CategoryRow[]> {
  if (db.isTransaction) return loadRows(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new VersionedCache<readonly CategoryRow[]>(db, CATEGORIES_VERSION, loadRows);
    caches.set(db, cache);
  }
  return cache.peek() ?? cache.current();
}

/** Every category row in display order. */
export async function listCategoryRows(db: Kysely<Database>): Promise<CategoryRow[]> {
  return [...(await rowsOf(db))];
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
  return (await rowsOf(db)).find((c) => c.id === id);
}

/** Whether every one of these ids names a category (enabled or not); an unknown id is the client's mistake, not a foreign-key failure. */
export async function allCategoriesExist(db: Kysely<Database>, ids: readonly number[]): Promise<boolean> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return true;
  const known = new Set((await rowsOf(db)).map((c) => c.id));
  return wanted.every((id) => known.has(id));
}

/** The id of the category holding a code, if any. */
export async function findCategoryIdByCode(db: Kysely<Database>, code: string): Promise<number | undefined> {
  return (await rowsOf(db)).find((c) => c.code === code)?.id;
}

/** Adds a category; answers its id. */
export async function insertCategory(
  db: Kysely<Database>,
  values: Insertable<Database['categories']>,
): Promise<number> {
  const id = (await db.insertInto('categories').values(values).returning('id').executeTakeFirstOrThrow()).id;
  await bumpVersion(db, CATEGORIES_VERSION, new Date().toISOString());
  return id;
}

/** Changes a category. */
export async function updateCategory(
  db: Kysely<Database>,
  id: number,
  set: Updateable<Database['categories']>,
): Promise<void> {
  await db.updateTable('categories').set(set).where('id', '=', id).execute();
  await bumpVersion(db, CATEGORIES_VERSION, new Date().toISOString());
}

/** Every category's names in the three languages, by id (a list export names them in the reader's language). */
export async function categoryNamesByLocale(db: Kysely<Database>): Promise<Map<number, Record<Locale, string>>> {
  return new Map(
    (await rowsOf(db)).map((r) => [r.id, { 'zh-CN': r.name_zh_cn, 'zh-TW': r.name_zh_tw, en: r.name_en }]),
  );
}

/** The Simplified Chinese name of every category, by id (printed documents are in Chinese). */
export async function categoryNamesZh(db: Kysely<Database>): Promise<Map<number, string>> {
  return new Map((await rowsOf(db)).map((r) => [r.id, r.name_zh_cn]));
}

/** An enabled category with its Chinese name, or undefined. */
export async function findEnabledCategory(
  db: Kysely<Database>,
  id: number,
): Promise<{ id: number; name_zh_cn: string } | undefined> {
  const c = (await rowsOf(db)).find((r) => r.id === id && r.enabled === 1);
  return c && { id: c.id, name_zh_cn: c.name_zh_cn };
}

/** A category's Chinese name (the SMS to members is in Chinese). */
export async function categoryNameOf(db: Kysely<Database>, id: number): Promise<string> {
  const found = (await rowsOf(db)).find((r) => r.id === id);
  if (found) return found.name_zh_cn;
  const row = await db.selectFrom('categories').select('name_zh_cn').where('id', '=', id).executeTakeFirstOrThrow();
  return row.name_zh_cn;
}

/** Which of these categories exist and are enabled. */
export async function findEnabledCategoryIds(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  const wanted = new Set(ids);
  return (await rowsOf(db))
    .filter((r) => r.enabled === 1 && wanted.has(r.id))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}
