// The record form must open without a network: the lists it needs (categories, the member's
// studios) are kept in localStorage whenever they load, and used when the network is gone.
// They are small, not personal, and only a fallback: a load that reaches the server wins.

import { ApiError } from '../../lib/api.ts';

const PREFIX = 'huimin.delivery.';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // storage full or disabled: the form then needs the network, as any other page
  }
}

/** Loads from the server and keeps a copy; without a network, answers with the last copy. */
export async function withOfflineCopy<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    write(key, JSON.stringify(value));
    return value;
  } catch (err) {
    const saved = err instanceof ApiError && err.status === 0 ? read(key) : null;
    if (saved !== null) return JSON.parse(saved) as T;
    throw err;
  }
}
