import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useMe } from '../../app/session.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { checklistApi, inspectionsApi, type Checklist, type InspectionSummary } from './api.ts';
import { currentQuarter } from './labels.ts';
import { flushVisits, listVisits, onVisitsChange, type QueuedVisit, type SendAuth } from './visit-outbox.ts';

const PREFIX = 'huimin.inspections.';

function readCopy(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** What a page shows when loaded offline: the last copy, and that it is one. */
export interface Copy<T> {
  value: T;
  /** True when the network failed and this is the copy kept at the last good load. */
  stale: boolean;
}

/**
 * Loads from the server and keeps a copy in localStorage; without a network, answers with the
 * last copy. The supervisor opens the plan in signal and fills the form where there is none.
 */
async function withOfflineCopy<T>(key: string, load: () => Promise<T>): Promise<Copy<T>> {
  try {
    const value = await load();
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // storage full or disabled: the form then needs the network, like any other page
    }
    return { value, stale: false };
  } catch (err) {
    const saved = err instanceof ApiError && err.status === 0 ? readCopy(key) : null;
    if (saved !== null) return { value: JSON.parse(saved) as T, stale: true };
    throw err;
  }
}

/** The supervisor's plan for this quarter, with its offline copy. */
export function loadMyPlan(accountId: number, signal?: AbortSignal): Promise<Copy<InspectionSummary[]>> {
  const quarter = currentQuarter();
  return withOfflineCopy(
    `plan.${accountId}.${quarter}`,
    async () => (await inspectionsApi.list({ quarter, limit: 100 }, signal)).items,
  );
}

/** The checklist in force, with its offline copy. */
export function loadChecklist(signal?: AbortSignal): Promise<Copy<Checklist>> {
  return withOfflineCopy('checklist', () => checklistApi.current(signal));
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser believes it has a network. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The signed-in supervisor's credentials for sending outside the shared API client. */
export function useSendAuth(): SendAuth {
  const me = useMe();
  const { locale } = useI18n();
  return { accountId: me.id, csrfToken: me.csrfToken, locale };
}

/** The inspections this account has waiting on this phone, kept current across tabs. */
export function useQueuedVisits(): QueuedVisit[] {
  const me = useMe();
  const [entries, setEntries] = useState<QueuedVisit[]>([]);
  const refresh = useCallback(() => {
    listVisits(me.id).then(setEntries, () => setEntries([]));
  }, [me.id]);
  useEffect(() => {
    refresh();
    return onVisitsChange(refresh);
  }, [refresh]);
  return entries;
}

/** Sends the queue now (the button, and when the page opens online). */
export function useFlushVisits(): () => Promise<void> {
  const { accountId, csrfToken, locale } = useSendAuth();
  return useCallback(async () => {
    await flushVisits({ accountId, csrfToken, locale }).catch(() => undefined);
  }, [accountId, csrfToken, locale]);
}
