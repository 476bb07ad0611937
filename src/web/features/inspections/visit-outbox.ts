// The supervisor's phone keeps each inspection from the first answer until the server has it, on
// the shared offline queue (lib/offline-queue.ts, the record book's too): a draft while it is
// being filled, pending once submitted, sent from the page or by visits-sync.ts when the network
// returns. A retry with the same key gets the inspection already written, so it is submitted once.

import { createOfflineQueue, newIdempotencyKey, type QueueEntry, type SendAuth } from '../../lib/offline-queue.ts';
import type { InspectionDetail, InspectionReport } from './api.ts';

/** A filled inspection the server has not confirmed yet. */
export interface QueuedVisit extends QueueEntry {
  inspectionId: number;
  studioName: string;
  body: InspectionReport;
}

const visits = createOfflineQueue<QueuedVisit, InspectionDetail>({
  dbName: 'huimin-inspections',
  store: 'visit-outbox',
  channel: 'huimin-visit-outbox',
  // A send with photos on a weak signal may be slow, but must not hang the page for ever.
  sendTimeoutMs: 60_000,
  request: (entry) => ({ url: `/api/inspections/${entry.inspectionId}/submit`, body: entry.body }),
});

/** Calls `listener` whenever the queue changes in any tab; returns the unsubscribe. */
export const onVisitsChange = visits.onChange;
/** Sends the account's pending inspections, oldest first (without auth: only when something waits). */
export const flushVisits = visits.flush;
/** The account's queued inspections, oldest first. */
export const listVisits = visits.list;
/** Saves the filled form on the phone first (never lost), then sends the queue when online. */
export const saveVisit = visits.save;
/** Keeps the form as it is filled; a form already submitted on the phone is left as it is. */
export const saveDraft = visits.saveDraft;
/** Throws away a queued inspection the supervisor no longer wants to send. */
export const discardVisit = visits.discard;
/** A new idempotency key, made once per filled form. */
export const newVisitKey = newIdempotencyKey;

/** The queued form of one inspection, if this phone holds one. */
export async function visitFor(accountId: number, inspectionId: number): Promise<QueuedVisit | undefined> {
  return (await visits.list(accountId)).find((e) => e.inspectionId === inspectionId);
}

export type { InspectionReport, SendAuth };
