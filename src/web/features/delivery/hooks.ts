import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { referenceApi, type Category, type StudioSummary } from './api.ts';
import { withOfflineCopy } from './reference-cache.ts';
import { flushOutbox, listQueued, onOutboxChange, type QueuedRecord, type SendAuth } from './outbox.ts';

/** All service categories, for names and the record form (the list is small and rarely changes). */
export function useCategories(): Category[] | undefined {
  return useLoad((signal) => withOfflineCopy('categories', () => referenceApi.categories(signal)), 'categories').data;
}

/** Studios a member may write records for: the serving ones they lead or applied for. */
export function loadMyStudios(accountId: number, signal?: AbortSignal): Promise<StudioSummary[]> {
  return withOfflineCopy(`studios.${accountId}`, async () =>
    (await referenceApi.studios({ mine: '1', limit: 100 }, signal)).items.filter((s) => SERVING.includes(s.status)),
  );
}
const SERVING: readonly string[] = ['active', 'rectification'];

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser believes it has a network (it can be wrong the other way; sends still fall back to the queue). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The signed-in member's credentials for sending records outside the shared API client. */
export function useSendAuth(): SendAuth {
  const me = useMe();
  const { locale } = useI18n();
  return { accountId: me.id, csrfToken: me.csrfToken, locale };
}

/** The records this account has waiting on this phone, kept current across tabs. */
export function useOutbox(): { entries: QueuedRecord[]; refresh(): void } {
  const me = useMe();
  const [entries, setEntries] = useState<QueuedRecord[]>([]);
  const refresh = useCallback(() => {
    listQueued(me.id).then(setEntries, () => setEntries([]));
  }, [me.id]);
  useEffect(() => {
    refresh();
    return onOutboxChange(refresh);
  }, [refresh]);
  return { entries, refresh };
}

/** Sends the queue now (the button, and when a page opens while online). */
export function useFlush(): () => Promise<void> {
  const auth = useSendAuth();
  const { accountId, csrfToken, locale } = auth;
  return useCallback(async () => {
    await flushOutbox({ accountId, csrfToken, locale }).catch(() => undefined);
  }, [accountId, csrfToken, locale]);
}
