import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { category } from '../../contract/studios.ts';
import { api, ApiError, errorMessage } from './api.ts';
import { useT } from './i18n/index.tsx';
import { formatDateTime, formatDay } from '../lib/dates.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  /** True when the last failure may pass on a second try (a network or server fault, not a 404). */
  retryable: boolean;
  /** True when the server answered that the thing asked for does not exist (404). */
  notFound: boolean;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` whenever `key` changes, aborting the previous run so a slow answer to an old
 * question never replaces the answer to the new one. An empty key means "nothing to load yet".
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{
    key: string;
    data?: T;
    error: string | null;
    retryable: boolean;
    notFound?: boolean;
  }>({
    key: '',
    error: null,
    retryable: false,
  });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const fullKey = key ? `${key}#${attempt}` : '';

  useEffect(() => {
    if (!fullKey) return;
    const controller = new AbortController();
    latest.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key: fullKey, data, error: null, retryable: false });
      },
      (err: unknown) => {
        const retryable = !(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500;
        const notFound = err instanceof ApiError && err.status === 404;
        if (!controller.signal.aborted)
          setState((s) => ({ key: fullKey, data: s.data, error: errorMessage(err), retryable, notFound }));
      },
    );
    return () => controller.abort();
  }, [fullKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === fullKey;
  return {
    data: state.data,
    error: current ? state.error : null,
    retryable: current && state.retryable,
    notFound: current && state.notFound === true,
    loading: fullKey !== '' && !current,
    reload,
  };
}

/** Sets the tab title to "<page> · 惠民". */
export function useTitle(page: string): void {
  const { t } = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}

export type Category = z.infer<typeof category>;

// Categories change rarely: one request per page load, shared by every page that needs them.
let categoriesOnce: Promise<Category[]> | null = null;

/** The enabled service categories, in their configured order. */
export function useCategories(): Loaded<Category[]> {
  return useLoad(() => {
    categoriesOnce ??= api.get<Category[]>('/api/public/categories').catch((err: unknown) => {
      categoriesOnce = null;
      throw err;
    });
    return categoriesOnce;
  }, 'categories');
}

/** "850 米" / "1.2 公里" in the page's language. */
export function useDistance(): (metres: number) => string {
  const { t, locale } = useT();
  return (m) =>
    m < 1000
      ? t('common.meters', { n: Math.round(m) })
      : t('common.km', { n: (m / 1000).toLocaleString(locale, { maximumFractionDigits: 1 }) });
}

/** Dates and times in the page's language. */
export function useDateFormat(): { dateTime(iso: string): string; date(iso: string): string } {
  const { locale } = useT();
  return {
    dateTime: (iso) => (iso ? formatDateTime(iso, locale, { dateStyle: 'medium', timeStyle: 'short' }) : ''),
    date: (iso) => (iso ? formatDay(iso, locale, { dateStyle: 'long' }) : ''),
  };
}
