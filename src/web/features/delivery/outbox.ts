// Sends the phone's queued service records (offline-queue.ts) to the server, oldest first.
// Every try carries the record's own Idempotency-Key, so a record the server already took
// (its answer lost to a dropped connection, a reload, a second tab) is never written twice.

import type { ErrorBody } from '../../../contract/common.ts';
import { api } from '../../lib/api.ts';
import { isLocale, translate, type Locale } from '../../lib/i18n/index.ts';
import type { RecordInput, ServiceRecord } from './api.ts';
import { anyQueued, getQueued, listQueued, putQueued, removeQueued, type QueuedRecord } from './offline-queue.ts';

/** Who is sending: the session's CSRF token and the language for the server's messages. */
export interface SendAuth {
  accountId: number;
  csrfToken: string;
  locale: Locale;
}

/** What became of one try. */
export type SendOutcome =
  | { kind: 'sent'; record: ServiceRecord }
  /** No network, or the server was unreachable or failing: try again later. */
  | { kind: 'offline' }
  /** The server refused the record (4xx): the member must change it. */
  | { kind: 'refused'; message: string; issues?: ErrorBody['issues'] }
  /** Signed out: keep the record until the member signs in again. */
  | { kind: 'signedOut' };

const CHANNEL = 'huimin-record-outbox';
/** A send that has not answered by then is treated as offline: a weak signal must not hang the form. */
const SEND_TIMEOUT_MS = 20_000;
const local = new EventTarget();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

/** Tells this tab and the others that the queue changed. */
function changed(): void {
  local.dispatchEvent(new Event('change'));
  channel?.postMessage('change');
}

/** Calls `listener` whenever the queue changes in any tab; returns the unsubscribe. */
export function onOutboxChange(listener: () => void): () => void {
  local.addEventListener('change', listener);
  channel?.addEventListener('message', listener);
  return () => {
    local.removeEventListener('change', listener);
    channel?.removeEventListener('message', listener);
  };
}

/** A new idempotency key: made once per record and kept with it. */
export function newRecordKey(): string {
  return crypto.randomUUID();
}

/**
 * POSTs one record with its key. Not through lib/api.ts: that client has no way to add the
 * Idempotency-Key header, and this one must tell "no network" from "refused" precisely.
 */
export async function sendRecord(key: string, body: RecordInput, auth: SendAuth): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/records', {
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
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'offline' };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // a proxy's page or a cut-off body: judged by the status below
  }
  if (response.ok) return { kind: 'sent', record: payload as ServiceRecord };
  if (response.status === 401) {
    // Let the shared client notice the lost session too, so the app shows the login page.
    void api.get('/api/auth/me').catch(() => undefined);
    return { kind: 'signedOut' };
  }
  // 408, 429 and 5xx pass with time; the record waits in the queue.
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { kind: 'offline' };
  const err = payload as Partial<ErrorBody> | null;
  const message =
    typeof err?.message === 'string'
      ? err.message
      : translate(auth.locale, 'common.serverError', { status: response.status });
  return { kind: 'refused', message, ...(Array.isArray(err?.issues) ? { issues: err.issues } : {}) };
}

/** The signed-in account, asked of the server when the sender was not given (app start). */
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

/** Runs `work` alone across every tab of this browser (Web Locks), or alone in this tab. */
let tail: Promise<unknown> = Promise.resolve();
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) return navigator.locks.request(CHANNEL, work);
  const next = tail.then(work, work);
  tail = next.catch(() => undefined);
  return next;
}

/** What a flush did: the outcome for each key it tried. */
export type FlushResult = Map<string, SendOutcome>;

/**
 * Sends the account's pending records in the order they were saved. Stops at the first
 * sign of no network (the rest would fail the same way) or a lost session; a refused record
 * is marked failed with the server's message and the next ones are still sent.
 */
export function flushOutbox(given?: SendAuth): Promise<FlushResult> {
  return exclusively(async () => {
    const results: FlushResult = new Map();
    // At app start: ask the server who is signed in only when something waits to be sent.
    if (!given && !(await anyQueued())) return results;
    const auth = given ?? (await currentAuth());
    if (!auth) return results;
    for (const entry of await listQueued(auth.accountId)) {
      if (entry.state !== 'pending') continue;
      // Another tab may have sent or edited it while this one waited for the lock.
      const fresh = await getQueued(entry.key);
      if (!fresh || fresh.state !== 'pending') continue;
      const outcome = await sendRecord(fresh.key, fresh.body, auth);
      results.set(fresh.key, outcome);
      if (outcome.kind === 'sent') {
        await removeQueued(fresh.key);
        changed();
      } else if (outcome.kind === 'refused') {
        await putQueued({ ...fresh, state: 'failed', error: outcome.message });
        changed();
      } else {
        break;
      }
    }
    return results;
  });
}

/**
 * Saves a record on the phone first, then sends the queue. Saving first means a record is
 * never lost, not even when the tab dies while the request is on its way.
 */
export async function saveRecord(key: string, body: RecordInput, auth: SendAuth): Promise<SendOutcome> {
  const existing = await getQueued(key);
  const entry: QueuedRecord = {
    key,
    accountId: auth.accountId,
    body,
    queuedAt: existing?.queuedAt ?? Date.now(),
    state: 'pending',
    error: null,
  };
  await putQueued(entry);
  changed();
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline' };
  const results = await flushOutbox(auth);
  return results.get(key) ?? { kind: 'offline' };
}

/** Throws away a queued record the member no longer wants. */
export async function discardRecord(key: string): Promise<void> {
  await removeQueued(key);
  changed();
}

export { listQueued, getQueued };
export type { QueuedRecord };
