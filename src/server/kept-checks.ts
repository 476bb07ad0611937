// A dry run's result, kept in this process for the commit that usually follows within minutes.
// The commit checked the whole file again (read the workbook, validated each row, hashed the ID
// numbers, looked for stored duplicates): for 100,000 registry rows some 4–5 s of CPU, a sixth of
// the commit. It is only needed when something the check read has changed since. An importer
// names what that is (`Importer.inputs`: the version rows of the units, categories and records,
// the importer's scope, the year); while that is unchanged, checking again gives the same result,
// so the kept one is used. Otherwise, on another instance, or after a restart, the commit checks
// again as before. Writes still look for duplicates once more under the lock, batch by batch.

/** How long a kept dry run waits for its commit; afterwards the commit checks the file again. */
export const KEPT_CHECK_MS = 15 * 60_000;
/** Dry runs kept at once (the most recent): each may hold 100,000 checked rows. */
export const KEPT_CHECKS = 2;

interface Kept {
  inputs: string;
  checked: unknown;
  until: number;
}

const kept = new Map<number, Kept>();

/** Keeps import `id`'s dry run, checked under `inputs`, dropping the oldest beyond the limit. */
export function keepCheck(id: number, inputs: string, checked: unknown, now = Date.now()): void {
  kept.delete(id);
  kept.set(id, { inputs, checked, until: now + KEPT_CHECK_MS });
  for (const key of kept.keys()) {
    if (kept.size <= KEPT_CHECKS) break;
    kept.delete(key);
  }
}

/**
 * Takes import `id`'s kept dry run if it was checked under the same `inputs` and is not too old;
 * undefined otherwise. Either way it is no longer kept: a commit takes it once.
 */
export function takeCheck<C>(id: number, inputs: string, now = Date.now()): C | undefined {
  const hit = kept.get(id);
  kept.delete(id);
  if (!hit || hit.inputs !== inputs || hit.until < now) return undefined;
  return hit.checked as C;
}

/** How many dry runs are kept (for tests). */
export function keptChecks(): number {
  return kept.size;
}
