import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './api.ts';

/** The state of a load: the last data, the error message of the last failure, and whether one is running. */
export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  /** True from the moment the key changes until its answer (or failure) is in. */
  loading: boolean;
  /** The key (and attempt) `data` belongs to; lists expose it so tests can wait for a specific answer. */
  loadedKey: string | null;
  reload(): void;
}

/**
 * Runs `load` whenever `key` changes (a string built from the inputs), aborting the previous
 * run so a slow answer to an old search never replaces the answer to the new one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [settledKey, setSettledKey] = useState<string | null>(null);
  const latest = useRef(load);
  latest.current = load;
  const fullKey = `${key}#${attempt}`;

  useEffect(() => {
    const controller = new AbortController();
    latest.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(null);
        setSettledKey(fullKey);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(err));
        setSettledKey(fullKey);
      },
    );
    return () => controller.abort();
  }, [fullKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Derived rather than stored, so the render right after a key change already counts as loading.
  const loading = settledKey !== fullKey;
  return { data, error, loading, loadedKey: loading ? null : settledKey, reload };
}
