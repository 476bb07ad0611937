// The phone's own outbox for writes made without a network (the record book's service records,
// the supervisor's inspections): a tiny IndexedDB store (no dependency) and the sender that
// empties it. IndexedDB, not localStorage: it survives reloads and low-memory kills, is shared
// by all tabs, and its transactions keep two tabs from half-writing one entry. Every try carries
// the entry's own Idempotency-Key and the server answers a repeated key with what it already
// wrote, so an entry whose answer was lost (dropped signal, reload, a second tab) is written once.

import type { ErrorBody } from '../../contract/common.ts';
import { api } from './api.ts';
import { isLocale, translate, type Locale } from './i18n/index.ts';

/** What every queued entry carries; a feature adds its body and what its pages show. */
export interface QueueEntry {
  /** The Idempotency-Key, made once when the entry was first saved and sent with every try. */
  key: string;
  /** Whose it is: a shared phone must not send one person's entry as another's. */
  accountId: number;
  /** When it was saved (ms since epoch); the queue is sent in this order. */
  queuedAt: number;
  /**
   * draft: being filled in, kept as the user goes (never sent); pending: waits for the network;
   * failed: the server refused it (the message says why, in the language of that moment).
   */
  state: 'draft' | 'pending' | 'failed';
  error: string | null;
}

/** Who is sending: the session's CSRF token and the language for the server's messages. */
export interface SendAuth {
  accountId: number;
  csrfToken: string;
  locale: Locale;
}

/** What became of one try. */
export type SendOutcome<R> =
  | { kind: 'sent'; value: R }
  /** No network, or the server was unreachable or failing: try again later. */
  | { kind: 'offline' }
  /** The server refused it (4xx): kept, with the message. */
  | { kind: 'refused'; message: string; issues?: ErrorBody['issues'] }
  /** Signed out: kept until the user signs in again. */
  | { kind: 'signedOut' };

/** What a flush did: the outcome for each key it tried. */
export type FlushResult<R> = Map<string, SendOutcome<R>>;

/** An entry as the page hands it over: the queue adds when and in what state. */
export type NewEntry<E extends QueueEntry> = Omit<E, 'queuedAt' | 'state' | 'error'>;

export interface OfflineQueueOptions<E extends QueueEntry> {
  /** IndexedDB database and object store; also the name of the tab channel and the Web Lock. */
  dbName: string;
  store: string;
  channel: string;
  /** A send that has not answered by then counts as offline: a weak signal must not hang the page. */
  sendTimeoutMs: number;
  /** Where the entry is POSTed and the JSON body sent. */
  request(entry: E): { url: string; body: unknown };
}

/** One feature's offline queue: the store, the tab-wide change signal and the sender. */
export interface OfflineQueue<E extends QueueEntry, R> {
  put(entry: E): Promise<IDBValidKey>;
  get(key: string): Promise<E | undefined>;
  remove(key: string): Promise<void>;
  /** An account's entries, oldest first. */
  list(accountId: number): Promise<E[]>;
  /** True when anything waits (any account), without asking the server who is signed in. */
  any(): Promise<boolean>;
  /** Calls `listener` whenever the queue changes in any tab; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** POSTs one entry with its key, telling "no network" from "refused" precisely. */
  send(entry: E, auth: SendAuth): Promise<SendOutcome<R>>;
  /**
   * Sends the account's pending entries in the order they were saved; stops at the first sign
   * of no network or a lost session. A refused one is marked failed and the rest still go.
   * Without `auth` (app start, back online) it asks the server only when something waits.
   */
  flush(auth?: SendAuth): Promise<FlushResult<R>>;
  /** Saves the entry on the phone first (never lost, even if the tab dies), then sends the queue. */
  save(entry: NewEntry<E>, auth: SendAuth): Promise<SendOutcome<R>>;
  /** Keeps a form as it is filled; only a draft is overwritten, a submitted entry waits as it is. */
  saveDraft(entry: NewEntry<E>): Promise<void>;
  /** Throws away an entry the user no longer wants to send. */
  discard(key: string): Promise<void>;
}

/** A new idempotency key: made once per entry and kept with it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The signed-in account, asked of the server when the sender was not given one. */
async function currentAuth(): Promise<SendAuth | null> {
  try {
    const response = await fetch('/api/auth/me', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!response.ok) return null;
    const me = (await response.json()) as { id: number; csrfToken: string };
    const lang = document.documentElement.lang;
    return { accountId: me.id, csrfToken: me.csrfToken, locale: isLocale(lang) ? lang : 'zh-CN' };
  } catch {
    return null;
  }
}

/**
 * POSTs a body with an Idempotency-Key. Not through lib/api.ts: that client has no way to add
 * the header, and this one must tell "no network" from "refused" precisely.
 */
async function post<R>(url: string, body: unknown, key: string, auth: SendAuth, timeoutMs: number) {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'accept-language': auth.locale,
        'content-type': 'application/json',
        'x-csrf-token': auth.csrfToken,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'offline' } as const;
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // a proxy's page or a cut-off body: judged by the status below
  }
  if (response.ok) return { kind: 'sent', value: payload as R } as const;
  if (response.status === 401) {
    // Let the shared client notice the lost session too, so the app shows the login page.
    void api.get('/api/auth/me').catch(() => undefined);
    return { kind: 'signedOut' } as const;
  }
  // 408, 429 and 5xx pass with time; the entry waits in the queue.
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { kind: 'offline' } as const;
  const err = payload as Partial<ErrorBody> | null;
  const message =
    typeof err?.message === 'string'
      ? err.message
      : translate(auth.locale, 'common.serverError', { status: response.status });
  return { kind: 'refused', message, ...(Array.isArray(err?.issues) ? { issues: err.issues } : {}) } as const;
}

/** Builds a feature's offline queue over its own IndexedDB store. */
export function createOfflineQueue<E extends QueueEntry, R>(options: OfflineQueueOptions<E>): OfflineQueue<E, R> {
  const { dbName, store, channel: channelName } = options;
  let opening: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(store, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    }).catch((err: unknown) => {
      opening = null; // let a later call try again
      throw err;
    });
    return opening;
  }

  /** Runs one request in its own transaction and resolves when the transaction has committed. */
  async function run<T>(mode: IDBTransactionMode, make: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = make(tx.objectStore(store));
      // Resolve on complete, not on the request's success: only then is the write durable.
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  }

  const local = new EventTarget();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
  /** Tells this tab and the others that the queue changed. */
  const changed = () => {
    local.dispatchEvent(new Event('change'));
    channel?.postMessage('change');
  };

  /** Runs `work` alone across every tab of this browser (Web Locks), or alone in this tab. */
  let tail: Promise<unknown> = Promise.resolve();
  function exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (typeof navigator !== 'undefined' && 'locks' in navigator) return navigator.locks.request(channelName, work);
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  }

  const queue: OfflineQueue<E, R> = {
    put: (entry) => run('readwrite', (s) => s.put(entry)),
    get: async (key) =>
      (await run<E | undefined>('readonly', (s) => s.get(key) as IDBRequest<E | undefined>)) ?? undefined,
    remove: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
    list: async (accountId) => {
      const all = await run<E[]>('readonly', (s) => s.getAll() as IDBRequest<E[]>);
      return all
        .filter((e) => e.accountId === accountId)
        .sort((a, b) => a.queuedAt - b.queuedAt || a.key.localeCompare(b.key));
    },
    any: async () => (await run<number>('readonly', (s) => s.count())) > 0,
    onChange(listener) {
      local.addEventListener('change', listener);
      channel?.addEventListener('message', listener);
      return () => {
        local.removeEventListener('change', listener);
        channel?.removeEventListener('message', listener);
      };
    },
    send(entry, auth) {
      const { url, body } = options.request(entry);
      return post<R>(url, body, entry.key, auth, options.sendTimeoutMs);
    },
    flush(given) {
      return exclusively(async () => {
        const results: FlushResult<R> = new Map();
        if (!given && !(await queue.any())) return results;
        const auth = given ?? (await currentAuth());
        if (!auth) return results;
        for (const entry of await queue.list(auth.accountId)) {
          if (entry.state !== 'pending') continue;
          // Another tab may have sent or edited it while this one waited for the lock.
          const fresh = await queue.get(entry.key);
          if (!fresh || fresh.state !== 'pending') continue;
          const outcome = await queue.send(fresh, auth);
          results.set(fresh.key, outcome);
          if (outcome.kind === 'sent') {
            await queue.remove(fresh.key);
            changed();
          } else if (outcome.kind === 'refused') {
            await queue.put({ ...fresh, state: 'failed', error: outcome.message });
            changed();
          } else {
            break;
          }
        }
        return results;
      });
    },
    async save(entry, auth) {
      const existing = await queue.get(entry.key);
      await queue.put({ ...entry, queuedAt: existing?.queuedAt ?? Date.now(), state: 'pending', error: null } as E);
      changed();
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline' };
      const results = await queue.flush(auth);
      return results.get(entry.key) ?? { kind: 'offline' };
    },
    async saveDraft(entry) {
      const existing = await queue.get(entry.key);
      if (existing && existing.state !== 'draft') return;
      await queue.put({ ...entry, queuedAt: existing?.queuedAt ?? Date.now(), state: 'draft', error: null } as E);
      changed();
    },
    async discard(key) {
      await queue.remove(key);
      changed();
    },
  };
  return queue;
}
