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
import { tokenize } from './tokenizer.ts';

/** A staff correction counts as this many corpus examples: it is a deliberate, local judgement. */
const CORRECTION_WEIGHT = 3;

let corpusExamples: TrainingExample[] | undefined;
function corpus(): TrainingExample[] {
  corpusExamples ??= parseCorpus(
    readFileSync(fileURLToPath(new URL('../../../../assets/needs/corpus.tsv', import.meta.url)), 'utf8'),
  ).map((e) => ({ category: e.category, tokens: tokenize(e.text) }));
  return corpusExamples;
}

const models = new WeakMap<Kysely<Database>, { version: string; model: NeedsModel }>();

/** The version of the corrections; bumped with every correction so every server instance retrains. */
export async function correctionsVersion(db: Kysely<Database>): Promise<string> {
  return (
    (await db.selectFrom('settings').select('value').where('key', '=', 'needs.corrections').executeTakeFirst())
      ?.value ?? '0'
  );
}

export async function bumpCorrections(db: Kysely<Database>, at: string): Promise<void> {
  const next = String(Number(await correctionsVersion(db)) + 1);
  const r = await db
    .updateTable('settings')
    .set({ value: next, updated_at: at })
    .where('key', '=', 'needs.corrections')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await db.insertInto('settings').values({ key: 'needs.corrections', value: next, updated_at: at }).execute();
}

/** The model: the shipped corpus plus every staff correction, rebuilt when corrections change. */
export async function needsModel(db: Kysely<Database>): Promise<NeedsModel> {
  const version = await correctionsVersion(db);
  const cached = models.get(db);
  if (cached && cached.version === version) return cached.model;
  const corrections = await db
    .selectFrom('needs')
    .innerJoin('categories', 'categories.id', 'needs.category_id')
    .select(['needs.text', 'categories.code'])
    .where('needs.category_source', '=', 'staff')
    .where('needs.corrected_by', 'is not', null)
    .execute();
  const codes = (await db.selectFrom('categories').select('code').orderBy('position').execute()).map((c) => c.code);
  const model = train(
    [
      ...corpus(),
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
  const result = classify(model, tokenize(text));
  const ids = new Map(
    (await db.selectFrom('categories').select(['id', 'code', 'enabled']).execute()).map((c) => [c.code, c]),
  );
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
