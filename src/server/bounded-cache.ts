/**
 * A least-recently-used map bounded by entries and by weight (what an entry costs in memory,
 * e.g. a cached answer's length), for caches whose values differ in size by orders of
 * magnitude: a street's coverage answer is a few KB, a province's tens of MB. A value heavier
 * than the whole budget is not kept at all.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;
  private readonly maxEntries: number;
  private readonly maxWeight: number;

  constructor(limits: { maxEntries: number; maxWeight: number }) {
    this.maxEntries = limits.maxEntries;
    this.maxWeight = limits.maxWeight;
  }

  /** The value under `key`, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Keeps `value`, dropping the least recently used entries until both limits hold. */
  set(key: string, value: V, weight: number): void {
    this.delete(key);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  delete(key: string): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.weight -= hit.weight;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }

  /** How many entries and how much weight are held. */
  get size(): { entries: number; weight: number } {
    return { entries: this.entries.size, weight: this.weight };
  }
}
