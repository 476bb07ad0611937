// The phone's own outbox for service records: a tiny IndexedDB wrapper (no dependency).
// IndexedDB, not localStorage: it survives reloads and low-memory kills, is shared by all
// tabs, and its transactions keep two tabs from half-writing one entry.

import type { RecordInput } from './api.ts';

/** A record written on this phone that the server has not confirmed yet. */
export interface QueuedRecord {
  /** The Idempotency-Key, made once when the record was first saved and sent with every try. */
  key: string;
  /** Whose record it is: a shared phone must not send one member's record as another's. */
  accountId: number;
  body: RecordInput;
  /** When the member saved it (ms since epoch); the queue is sent in this order. */
  queuedAt: number;
  /** pending: waits for the network; failed: the server refused it, the member must edit it. */
  state: 'pending' | 'failed';
  /** The server's message for a refused record, in the language of the moment it was refused. */
  error: string | null;
}

const DB_NAME = 'huimin-delivery';
const STORE = 'record-outbox';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'key' });
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
async function run<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = make(tx.objectStore(STORE));
    // Resolve on complete, not on the request's success: only then is the write durable.
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Adds a record to the queue, or replaces the one with the same key (an edit). */
export function putQueued(entry: QueuedRecord): Promise<IDBValidKey> {
  return run('readwrite', (s) => s.put(entry));
}

/** The queued record with this key, if any. */
export async function getQueued(key: string): Promise<QueuedRecord | undefined> {
  return (
    (await run<QueuedRecord | undefined>('readonly', (s) => s.get(key) as IDBRequest<QueuedRecord | undefined>)) ??
    undefined
  );
}

/** Removes a record from the queue (sent, or discarded by the member). */
export async function removeQueued(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}

/** An account's queued records, oldest first. */
export async function listQueued(accountId: number): Promise<QueuedRecord[]> {
  const all = await run<QueuedRecord[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedRecord[]>);
  return all
    .filter((e) => e.accountId === accountId)
    .sort((a, b) => a.queuedAt - b.queuedAt || a.key.localeCompare(b.key));
}

/** True when anything at all waits in the queue (any account), without opening a session. */
export async function anyQueued(): Promise<boolean> {
  return (await run<number>('readonly', (s) => s.count())) > 0;
}
