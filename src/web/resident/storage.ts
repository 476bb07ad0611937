// localStorage can throw (private mode, storage switched off); then choices simply are not kept.

/** Reads a stored string, or null when storage is unavailable. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a string if storage is available. */
export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not kept; the choice still applies to this page
  }
}

/** Reads a stored JSON value, or null when absent, unreadable or not what `accept` expects. */
export function readStoredJson<T>(key: string, accept: (value: unknown) => value is T): T | null {
  const raw = readStored(key);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : null;
  } catch {
    return null;
  }
}
