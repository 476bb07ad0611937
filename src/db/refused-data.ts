// Errors in which the database refused a value a client sent (an id that names nothing, a
// number out of a column's range, text it cannot store). The contract and the services check
// these first; this is the net under them, so a check that was missed answers 400, not 500.

/**
 * PostgreSQL SQLSTATEs of refused data: foreign_key_violation, invalid_text_representation,
 * numeric_value_out_of_range, character_not_in_repertoire, invalid_datetime_format,
 * datetime_field_overflow, string_data_right_truncation, untranslatable_character.
 */
const pgRefused = new Set(['23503', '22P02', '22003', '22021', '22007', '22008', '22001', '22P05']);

/** SQLite extended result codes: SQLITE_CONSTRAINT_FOREIGNKEY (787) and SQLITE_TOOBIG (18). */
const sqliteRefused = new Set([787, 18]);

/** True when the database refused a value rather than failing or finding a bug in a query. */
export function isRefusedData(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; errcode?: unknown };
  if (e.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number') return sqliteRefused.has(e.errcode);
  return typeof e.code === 'string' && pgRefused.has(e.code);
}
