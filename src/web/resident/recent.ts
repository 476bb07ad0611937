import { readStoredJson, writeStored } from './storage.ts';

const KEY = 'huimin.resident.requests';
const KEEP = 5;

function isCodeList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Tracking codes of requests sent from this phone, newest first: residents lose paper notes. */
export function recentCodes(): string[] {
  return readStoredJson(KEY, isCodeList) ?? [];
}

/** Remembers a tracking code on this phone (only the code: no name, no number). */
export function rememberCode(code: string): void {
  writeStored(KEY, JSON.stringify([code, ...recentCodes().filter((c) => c !== code)].slice(0, KEEP)));
}
