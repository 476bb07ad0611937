// Which version keys this process changed, and when (performance.now()): a cache of such a key
// whose last look at the database is older than the mark looks again on its next read, so a
// change made here is seen here at once. Other instances see it through the version row.

const changedAt = new Map<string, number>();

/** Tells every cache of `key` in this process to look again on its next read (after a commit). */
export function markChanged(key: string): void {
  changedAt.set(key, performance.now());
}

/** When this process last changed what `key` covers, or -Infinity. */
export function lastChanged(key: string): number {
  return changedAt.get(key) ?? -Infinity;
}
