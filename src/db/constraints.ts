// Which errors mean "another writer got there first": a unique constraint refused the row.
// Writes that can race are made safe where they happen (named locks, conditional updates,
// ON CONFLICT); this is the last line, so a race nobody foresaw answers 409, never 500.

/** SQLite's extended result codes SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555). */
const sqliteUnique = new Set([2067, 1555]);

/** True when a write failed because a unique key (or primary key) already holds the value, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; errcode?: unknown };
  if (e.code === '23505') return true;
  return e.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number' && sqliteUnique.has(e.errcode);
}
