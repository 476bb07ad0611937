import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import {
  ASK_A_PERSON_BELOW,
  classify,
  train,
  type NeedsModel,
  type TrainingExample,
} from '../../../domain/needs/classifier.ts';
import { parseCorpus } from '../../../domain/needs/corpus.ts';
import { readSetting, bumpSetting } from '../../settings.repository.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { listCorrections } from './needs.repository.ts';
import { tokenizer } from './needs-tokenizer.service.ts';

/** A staff correction counts as this many corpus examples: it is a deliberate, local judgement. */
const CORRECTION_WEIGHT = 3;

let corpusExamples: TrainingExample[] | undefined;
async function corpus(): Promise<TrainingExample[]> {
  const tokenize = await tokenizer();
  corpusExamples ??= parseCorpus(
    readFileSync(fileURLToPath(new URL('../../../../assets/needs/corpus.tsv', import.meta.url)), 'utf8'),
  ).map((e) => ({ category: e.category, tokens: tokenize(e.text) }));
  return corpusExamples;
}

const models = new WeakMap<Kysely<Database>, { version: string; model: NeedsModel }>();

const CORRECTIONS = 'needs.corrections';

/** The version of the corrections; bumped with every correction so every server instance retrains. */
export async function correctionsVersion(db: Kysely<Database>): Promise<string> {
  return (await readSetting(db, CORRECTIONS)) ?? '0';
}

/** Counts one more correction, in the caller's transaction. */
export async function bumpCorrections(db: Kysely<Database>, at: string): Promise<void> {
  await bumpSetting(db, CORRECTIONS, at);
}

/** The model: the shipped corpus plus every staff correction, rebuilt when corrections change. */
export async function needsModel(db: Kysely<Database>): Promise<NeedsModel> {
  const version = await correctionsVersion(db);
  const cached = models.get(db);
  if (cached && cached.version === version) return cached.model;
  const corrections = await listCorrections(db);
  const tokenize = await tokenizer();
  const codes = (await listCategories(db)).map((c) => c.code);
  const model = train(
    [
      ...(await corpus()),
      ...corrections.map((c) => ({ category: c.code, tokens: tokenize(c.text), weight: CORRECTION_WEIGHT })),
    ],
    {},
    codes,
  );
  models.set(db, { version, model });
  return model;
}

/** Suggests a category for a text, with ids instead of codes. */
export async function suggestCategory(db: Kysely<Database>, text: string) {
  const model = await needsModel(db);
  const result = classify(model, (await tokenizer())(text));
  const ids = new Map((await listCategories(db)).map((c) => [c.code, c]));
  const ranking = result.ranking.flatMap((r) => {
    const c = ids.get(r.category);
    return c && c.enabled ? [{ categoryId: c.id, p: r.p }] : [];
  });
  const askAPerson = result.confidence < ASK_A_PERSON_BELOW;
  return {
    categoryId: ranking[0]?.categoryId ?? null,
    confidence: result.confidence,
    askAPerson,
    ranking: ranking.slice(0, 3),
  };
}
