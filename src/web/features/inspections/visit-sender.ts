// Sends the supervisor's queued inspections (visit-outbox.ts), oldest first. Every try carries
// the inspection's own Idempotency-Key, and the server answers a repeated key with the inspection
// it already has, so an inspection whose answer was lost (dropped signal, reload, a second tab)
// is never submitted twice.

import type { ErrorBody } from '../../../contract/common.ts';
import { api } from '../../lib/api.ts';
import { isLocale, translate, type Locale } from '../../lib/i18n/index.ts';
import type { InspectionDetail, InspectionReport } from './api.ts';
import { anyVisits, getVisit, listVisits, putVisit, removeVisit, type QueuedVisit } from './visit-outbox.ts';

/** Who sends: the session's CSRF token and the language of the server's messages. */
export interface SendAuth {
  accountId: number;
  csrfToken: string;
  locale: Locale;
}

export type SendOutcome =
  | { kind: 'sent'; inspection: InspectionDetail }
  /** No network, or the server unreachable or failing: try again later. */
  | { kind: 'offline' }
  /** The server refused it (4xx): kept, with the message. */
  | { kind: 'refused'; message: string }
  | { kind: 'signedOut' };

const CHANNEL = 'huimin-visit-outbox';
/** A send with photos on a weak signal may be slow, but must not hang the page for ever. */
const SEND_TIMEOUT_MS = 60_000;
const local = new EventTarget();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

function changed(): void {
  local.dispatchEvent(new Event('change'));
  channel?.postMessage('change');
}

/** Calls `listener` whenever the queue changes in any tab; returns the unsubscribe. */
export function onVisitsChange(listener: () => void): () => void {
  local.addEventListener('change', listener);
  channel?.addEventListener('message', listener);
  return () => {
    local.removeEventListener('change', listener);
    channel?.removeEventListener('message', listener);
  };
}

/** A new idempotency key, made once per filled form. */
export function newVisitKey(): string {
  return crypto.randomUUID();
}

/** POSTs one inspection with its key, telling "no network" from "refused" precisely. */
export async function sendVisit(entry: QueuedVisit, auth: SendAuth): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/inspections/${entry.inspectionId}/submit`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'accept-language': auth.locale,
        'content-type': 'application/json',
        'x-csrf-token': auth.csrfToken,
        'idempotency-key': entry.key,
      },
      body: JSON.stringify(entry.body),
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
  if (response.ok) return { kind: 'sent', inspection: payload as InspectionDetail };
  if (response.status === 401) {
    void api.get('/api/auth/me').catch(() => undefined);
    return { kind: 'signedOut' };
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { kind: 'offline' };
  const err = payload as Partial<ErrorBody> | null;
  const message =
    typeof err?.message === 'string'
      ? err.message
      : translate(auth.locale, 'common.serverError', { status: response.status });
  return { kind: 'refused', message };
}

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

/** Runs `work` alone across the browser's tabs (Web Locks), or alone in this tab. */
let tail: Promise<unknown> = Promise.resolve();
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) return navigator.locks.request(CHANNEL, work);
  const next = tail.then(work, work);
  tail = next.catch(() => undefined);
  return next;
}

export type FlushResult = Map<string, SendOutcome>;

/**
 * Sends the account's pending inspections in the order they were saved; stops at the first
 * sign of no network or a lost session. A refused one is marked failed and the rest still go.
 */
export function flushVisits(given?: SendAuth): Promise<FlushResult> {
  return exclusively(async () => {
    const results: FlushResult = new Map();
    if (!given && !(await anyVisits())) return results;
    const auth = given ?? (await currentAuth());
    if (!auth) return results;
    for (const entry of await listVisits(auth.accountId)) {
      if (entry.state !== 'pending') continue;
      const fresh = await getVisit(entry.key);
      if (!fresh || fresh.state !== 'pending') continue;
      const outcome = await sendVisit(fresh, auth);
      results.set(fresh.key, outcome);
      if (outcome.kind === 'sent') {
        await removeVisit(fresh.key);
        changed();
      } else if (outcome.kind === 'refused') {
        await putVisit({ ...fresh, state: 'failed', error: outcome.message });
        changed();
      } else {
        break;
      }
    }
    return results;
  });
}

/** Saves the filled form on the phone first (never lost), then sends the queue when online. */
export async function saveVisit(
  entry: Omit<QueuedVisit, 'queuedAt' | 'state' | 'error'>,
  auth: SendAuth,
): Promise<SendOutcome> {
  const existing = await getVisit(entry.key);
  await putVisit({ ...entry, queuedAt: existing?.queuedAt ?? Date.now(), state: 'pending', error: null });
  changed();
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline' };
  const results = await flushVisits(auth);
  return results.get(entry.key) ?? { kind: 'offline' };
}

/**
 * Keeps the form as it is being filled, so a reload or a killed tab loses nothing. Only a
 * draft is overwritten: a form already submitted on the phone changes only by submitting again.
 */
export async function saveDraft(entry: Omit<QueuedVisit, 'queuedAt' | 'state' | 'error'>): Promise<void> {
  const existing = await getVisit(entry.key);
  if (existing && existing.state !== 'draft') return;
  await putVisit({ ...entry, queuedAt: existing?.queuedAt ?? Date.now(), state: 'draft', error: null });
  changed();
}

/** Throws away a queued inspection the supervisor no longer wants to send. */
export async function discardVisit(key: string): Promise<void> {
  await removeVisit(key);
  changed();
}

export type { InspectionReport, QueuedVisit };
