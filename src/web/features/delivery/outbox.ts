// The phone's queue of service records written without a network, on the shared offline queue
// (lib/offline-queue.ts, which the supervisor's inspections use too).

import { createOfflineQueue, newIdempotencyKey, type QueueEntry, type SendAuth } from '../../lib/offline-queue.ts';
import type { RecordInput, ServiceRecord } from './api.ts';

/** A record written on this phone that the server has not confirmed yet. */
export interface QueuedRecord extends QueueEntry {
  body: RecordInput;
  /** pending: waits for the network; failed: the server refused it, the member must edit it. */
  state: 'pending' | 'failed';
}

const records = createOfflineQueue<QueuedRecord, ServiceRecord>({
  dbName: 'huimin-delivery',
  store: 'record-outbox',
  channel: 'huimin-record-outbox',
  sendTimeoutMs: 20_000,
  request: (entry) => ({ url: '/api/records', body: entry.body }),
});

/** Calls `listener` whenever the queue changes in any tab; returns the unsubscribe. */
export const onOutboxChange = records.onChange;
/** Sends the account's pending records, oldest first (at app start: only when something waits). */
export const flushOutbox = records.flush;
/** The account's queued records, oldest first. */
export const listQueued = records.list;
/** The queued record with this key, if any. */
export const getQueued = records.get;
/** Throws away a queued record the member no longer wants. */
export const discardRecord = records.discard;
/** A new idempotency key: made once per record and kept with it. */
export const newRecordKey = newIdempotencyKey;

/** Saves a record on the phone first, then sends the queue, so a record is never lost. */
export function saveRecord(key: string, body: RecordInput, auth: SendAuth) {
  return records.save({ key, accountId: auth.accountId, body }, auth);
}

export type { SendAuth };
