// The one place that calls jieba: segmentation is I/O-free but needs a WASM module, which the
// domain must not import, so the server wires it to the pure normaliser here.
// Loaded on first use (a seventh of a second), not at every start.
import { normaliseTokens } from '../../../domain/needs/tokens.ts';

/** Segments a text into classifier tokens. */
export type Tokenize = (text: string) => string[];

let loading: Promise<Tokenize> | undefined;

/** The tokenizer: jieba (HMM on, for names and places not in the dictionary), then the normaliser. */
export function tokenizer(): Promise<Tokenize> {
  loading ??= import('jieba-wasm').then(
    ({ cut }) =>
      (text: string) =>
        normaliseTokens(cut(text, true)),
  );
  return loading;
}
