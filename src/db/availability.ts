// Which errors mean "the database cannot be used right now" rather than "this query is
// wrong": the first answer 503 DATABASE_UNAVAILABLE and the app serves again by itself
// once the database is back; the second stay 500 (a bug) or their own 4xx.

/** PostgreSQL SQLSTATE classes and codes of an unavailable server (connection, shutdown, recovery, disk). */
const pgUnavailable = [
  /^08/, // connection_exception
  /^57P0[1-4]$/, // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped
  /^53/, // insufficient_resources (disk full, out of memory, too many connections)
  /^58/, // system_error (I/O)
  /^XX001$/, // data_corrupted
];

/** Socket-level errors of a server that went away or never answered. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node:pg's own messages for a connection that died or could not be made in time. */
const pgMessages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection terminated due to connection timeout/i,
  /^timeout expired$/i, // a connection the server never answered (the client's connectionTimeoutMillis)
  /Query read timeout/i,
  /not queryable/i,
];

/**
 * SQLite primary result codes of a file that cannot be written or read: BUSY (5, another
 * process holds the lock past the timeout), NOMEM (7), READONLY (8), IOERR (10), CORRUPT
 * (11), FULL (13), CANTOPEN (14), NOTADB (26). Extended codes carry the primary in the low byte.
 */
const sqliteUnavailable = new Set([5, 7, 8, 10, 11, 13, 14, 26]);

/** True when an error says the database is unreachable or its storage unusable, not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; errcode?: unknown; cause?: unknown };
  if (typeof e.errcode === 'number' && e.code === 'ERR_SQLITE_ERROR') return sqliteUnavailable.has(e.errcode & 0xff);
  if (typeof e.code === 'string') {
    if (socketCodes.has(e.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(e.code) && pgUnavailable.some((re) => re.test(e.code as string))) return true;
  }
  if (pgMessages.some((re) => re.test(e.message))) return true;
  // AggregateError (several addresses refused) and wrapped causes.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause);
}
