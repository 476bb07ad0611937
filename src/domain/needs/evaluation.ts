// Measures the classifier honestly: stratified k-fold cross-validation with a seeded shuffle,
// so the figure in the CI log is reproducible and every text is scored by a model that never saw it.
import { classify, train, type ClassifierOptions, type Classification, type TrainingExample } from './classifier.ts';

/** The outcome of a cross-validation run: accuracy overall and per fold, the confusion table, and every prediction. */
export interface CrossValidation {
  accuracy: number;
  foldAccuracy: number[];
  /** confusion[actual][predicted] = number of texts. */
  confusion: Record<string, Record<string, number>>;
  predictions: Array<{ index: number; actual: string; result: Classification }>;
}

/** A small, fast, seedable PRNG (mulberry32): Math.random cannot be seeded and the folds must not change between runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assigns each example to one of k folds so that every category is spread evenly over the
 * folds (stratified); returns the fold number of each example, in input order.
 */
export function stratifiedFolds(categories: readonly string[], k: number, seed: number): number[] {
  if (!(Number.isInteger(k) && k >= 2)) throw new Error(`k must be an integer ≥ 2, got ${k}`);
  const random = seededRandom(seed);
  const byCategory = new Map<string, number[]>();
  categories.forEach((c, i) => byCategory.set(c, [...(byCategory.get(c) ?? []), i]));
  const fold = categories.map(() => 0);
  // Continue the round-robin across categories so small categories don't all start at fold 0.
  let next = 0;
  for (const c of [...byCategory.keys()].sort()) {
    const idx = byCategory.get(c) ?? [];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    for (const i of idx) fold[i] = next++ % k;
  }
  return fold;
}

/** Runs stratified k-fold cross-validation: trains on k−1 folds, classifies the held-out one, k times. */
export function crossValidate(
  examples: readonly TrainingExample[],
  k: number,
  seed: number,
  options: Partial<ClassifierOptions> = {},
): CrossValidation {
  const categories = [...new Set(examples.map((e) => e.category))].sort();
  const fold = stratifiedFolds(
    examples.map((e) => e.category),
    k,
    seed,
  );
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of categories) confusion[a] = Object.fromEntries(categories.map((p) => [p, 0]));
  const predictions: CrossValidation['predictions'] = [];
  const foldAccuracy: number[] = [];
  for (let f = 0; f < k; f++) {
    const model = train(
      examples.filter((_, i) => fold[i] !== f),
      options,
      categories,
    );
    let right = 0;
    let n = 0;
    examples.forEach((e, index) => {
      if (fold[index] !== f) return;
      const result = classify(model, e.tokens);
      const row = confusion[e.category] as Record<string, number>;
      row[result.category] = (row[result.category] ?? 0) + 1;
      predictions.push({ index, actual: e.category, result });
      n++;
      if (result.category === e.category) right++;
    });
    foldAccuracy.push(n === 0 ? 0 : right / n);
  }
  const right = predictions.filter((p) => p.result.category === p.actual).length;
  predictions.sort((a, b) => a.index - b.index);
  return { accuracy: right / examples.length, foldAccuracy, confusion, predictions };
}

/**
 * The largest share of one text's distinct tokens that another text also has, over all pairs
 * (overlap coefficient): near-duplicates in a corpus would let cross-validation grade a model on
 * texts it has effectively seen, so the corpus check keeps this low.
 */
export function tokenOverlap(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const smaller = sa.size <= sb.size ? sa : sb;
  const larger = smaller === sa ? sb : sa;
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const t of smaller) if (larger.has(t)) shared++;
  return shared / smaller.size;
}
