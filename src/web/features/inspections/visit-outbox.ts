// The supervisor's phone keeps each inspection here from the first answer until the server has it: a small
// IndexedDB store (survives reloads and a dead battery, shared by tabs, transactional), the
// same approach as the record book's (features/delivery/offline-queue.ts).

import type { InspectionReport } from './api.ts';

/** A filled inspection the server has not confirmed yet. */
export interface QueuedVisit {
  /** The Idempotency-Key: made once, when the form was first saved, and sent with every try. */
  key: string;
  /** Whose it is: a shared phone must not send one supervisor's inspection as another's. */
  accountId: number;
  inspectionId: number;
  studioName: string;
  body: InspectionReport;
  /** When it was saved (ms since epoch); the queue is sent in this order. */
  queuedAt: number;
  /**
   * draft: being filled in, kept as the supervisor goes (never sent); pending: submitted on the
   * phone, waits for the network; failed: the server refused it (the message says why).
   */
  state: 'draft' | 'pending' | 'failed';
  error: string | null;
}

const DB_NAME = 'huimin-inspections';
const STORE = 'visit-outbox';

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
    opening = null;
    throw err;
  });
  return opening;
}

/** Runs one request in its own transaction, resolving once the transaction has committed. */
async function run<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = make(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function putVisit(entry: QueuedVisit): Promise<IDBValidKey> {
  return run('readwrite', (s) => s.put(entry));
}

export async function getVisit(key: string): Promise<QueuedVisit | undefined> {
  return (
    (await run<QueuedVisit | undefined>('readonly', (s) => s.get(key) as IDBRequest<QueuedVisit | undefined>)) ??
    undefined
  );
}

export async function removeVisit(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}

/** An account's queued inspections, oldest first. */
export async function listVisits(accountId: number): Promise<QueuedVisit[]> {
  const all = await run<QueuedVisit[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedVisit[]>);
  return all
    .filter((e) => e.accountId === accountId)
    .sort((a, b) => a.queuedAt - b.queuedAt || a.key.localeCompare(b.key));
}

/** The queued form of one inspection, if this phone holds one. */
export async function visitFor(accountId: number, inspectionId: number): Promise<QueuedVisit | undefined> {
  return (await listVisits(accountId)).find((e) => e.inspectionId === inspectionId);
}

/** True when anything waits (any account), without asking the server who is signed in. */
export async function anyVisits(): Promise<boolean> {
  return (await run<number>('readonly', (s) => s.count())) > 0;
}
