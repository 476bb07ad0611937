// The one place that calls jieba: segmentation is I/O-free but needs a WASM module, which the
// domain must not import, so the server wires it to the pure normaliser here.
import { cut } from 'jieba-wasm';
import { normaliseTokens } from '../../../domain/needs/tokens.ts';

/** Segments a need's text with jieba (HMM on, for names and places not in the dictionary) into classifier tokens. */
export function tokenize(text: string): string[] {
  return normaliseTokens(cut(text, true));
}
