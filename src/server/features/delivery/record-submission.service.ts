import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { checkRecord } from '../../../domain/delivery/delivery.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { RollupFact } from '../../../domain/statistics/rollups.ts';
import type { Database } from '../../../db/schema.ts';
import { groupCommitterOf, type BatchStep } from '../../../db/group-commit.ts';
import { inSavepoint } from '../../../db/savepoint.ts';
import type { recordInput } from '../../../contract/delivery.ts';
import { newCode } from '../../codes.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize } from '../../scope.ts';
import { auditRowOf, auditStep, type AuditEntryRow } from '../audit/audit.repository.ts';
import { allCategoriesExist } from '../categories/categories.repository.ts';
import { rollRecords } from '../statistics/rollups.commands.ts';
import { correctionHours } from './record-settings.service.ts';
import { maskRecipient, presentRecord } from './records.presenter.ts';
import { recordPlaceCacheOf } from './record-place-cache.repository.ts';
import * as repo from './records.repository.ts';
import { findRequestStudio } from './requests.repository.ts';

// Writing a record (服务记录本): the hot write path, kept to as few statements per record as the
// checks allow. See issue 14, item 5.

/** A record waiting in a group transaction; `written` is filled in by `recordStep`. */
export interface PendingRecord {
  values: repo.NewRecord;
  unitPath: string;
  fact: RollupFact;
  /** Its audit entry, once its id is known. */
  audit: (id: number) => AuditEntryRow;
  written: { id?: number; error?: unknown };
}

/**
 * The records of a group transaction written together: one multi-row insert (a statement per
 * record was a round trip each on PostgreSQL, taken one after another while the batch held
 * the connection), then the rollups and audit entries of the records written, each one
 * upsert or insert for the batch. A record skipped for its used idempotency key is neither
 * counted nor audited. Should the insert fail (a row breaking a constraint), the records are
 * written one by one, each in its own savepoint, so only the one at fault fails.
 */
export const recordStep: BatchStep<PendingRecord> = {
  async run(trx: Transaction<Database>, items) {
    let ids: Map<string, number>;
    try {
      ids = await inSavepoint(trx, 'record_batch', () =>
        repo.insertNewRecords(
          trx,
          items.map((i) => i.values),
        ),
      );
    } catch {
      ids = new Map();
      for (const item of items) {
        try {
          const one = await inSavepoint(trx, 'record_batch', () => repo.insertNewRecords(trx, [item.values]));
          for (const [key, id] of one) ids.set(key, id);
        } catch (error) {
          item.written.error = error;
        }
      }
    }
    const written: PendingRecord[] = [];
    const audits: AuditEntryRow[] = [];
    for (const item of items) {
      const key = repo.idempotencyOf(item.values);
      const id = ids.get(key);
      // Two copies of one submission in the same batch: the first takes the record.
      if (id === undefined) continue;
      ids.delete(key);
      item.written.id = id;
      written.push(item);
      audits.push(item.audit(id));
    }
    await rollRecords(trx, written);
    await auditStep.run(trx, audits);
  },
};

/**
 * Writes a record in the service record book (服务记录本). The idempotency key the client
 * sends with it (one per record, kept with the offline queue) makes a retry return the
 * record already written instead of a second one. `getRecord` answers a retry.
 */
export async function submitRecord(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  key: string,
  input: z.infer<typeof recordInput>,
  getRecord: (id: number) => Promise<ReturnType<typeof presentRecord>>,
) {
  // No look-up of the key first: the insert itself skips a used key (a unique key and
  // ON CONFLICT DO NOTHING), so a first submission, the usual case, costs no extra statement.
  const answerWritten = async (id: number) => ({ created: false, record: await getRecord(id) });
  let studio: repo.RecordPlace;
  try {
    studio = await checkedPlace(deps, ctx, actor, input);
  } catch (err) {
    // A retry of a record written before the studio, its members or the categories changed
    // still answers that record.
    const written = await repo.findRecordIdByKey(deps.db, actor.accountId, key);
    if (written === undefined) throw err;
    return answerWritten(written);
  }
  const service = repo.serviceColumns(input);
  const servedAt = service.served_at;
  const values: repo.NewRecord = {
    studio_id: studio.id,
    unit_id: studio.unit_id,
    author_id: actor.accountId,
    request_id: input.requestId ?? null,
    idempotency_key: key,
    rating_code: newCode(),
    ...service,
    created_at: ctx.at,
    updated_at: ctx.at,
  };
  let id: number | undefined;
  try {
    // Records arrive in bursts when phones come back online: group commit shares one flush
    // among concurrent submissions, and each is acknowledged only once it is on disk.
    // The record, its rollups and its audit entry are written by the batch's step, in one
    // transaction: the dashboards and the audit log are never behind the record book.
    const written = await groupCommitterOf(deps.db).run(async (_trx, batch) => {
      const pending: PendingRecord = {
        values,
        unitPath: studio.unit_path,
        fact: { ...input, servedAt },
        audit: (recordId) =>
          auditRowOf(ctx, {
            entity: 'serviceRecord',
            entityId: recordId,
            action: 'create',
            unitId: studio.unit_id,
            after: { ...input, recipientName: maskRecipient(input.recipientName) },
          }),
        written: {},
      };
      batch.add(recordStep, pending);
      return pending.written;
    });
    if (written.error !== undefined) throw written.error;
    id = written.id;
  } catch (err) {
    // Two copies of one submission raced and the write failed: answer with the one written.
    const winner = await repo.findRecordIdByKey(deps.db, actor.accountId, key);
    if (winner === undefined) throw err;
    return answerWritten(winner);
  }
  if (id === undefined) {
    // The key was used already (a retry, or a copy that lost the race): answer that record.
    const written = await repo.findRecordIdByKey(deps.db, actor.accountId, key);
    if (written === undefined) throw new DomainError('CONFLICT');
    return answerWritten(written);
  }
  // A record just written has no follow-ups and no corrections, and everything else shown is
  // known here: no need to read it back.
  const row: repo.RecordRow = {
    ...values,
    id,
    import_id: null,
    studio_name: studio.name,
    unit_name: studio.unit_name,
    unit_path: studio.unit_path,
    author_name: studio.authorName,
  };
  const clock = { hours: await correctionHours(deps.db), now: new Date(deps.clock.now()) };
  return {
    created: true,
    record: presentRecord(row, { feedback: [], revisions: 0, studioMembers: studio.memberAccountIds }, actor, clock),
  };
}

/** The record's studio once every check passed: scope, the studio serving, the record's own rules. */
async function checkedPlace(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof recordInput>,
): Promise<repo.RecordPlace> {
  const studio = await recordPlaceCacheOf(deps.db).find(deps.db, input.studioId, actor.accountId);
  if (!studio) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'studio', { unitPath: studio.unit_path });
  authorize(actor, 'create', 'serviceRecord', { unitPath: studio.unit_path, ownerAccountIds: studio.memberAccountIds });
  if (!['active', 'rectification'].includes(studio.status))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'record', status: studio.status });
  checkRecord(input, new Date(ctx.at));
  if (!(await allCategoriesExist(deps.db, [input.categoryId])))
    throw new DomainError('VALIDATION_FAILED', { field: 'categoryId' });
  if (input.requestId) {
    const request = await findRequestStudio(deps.db, input.requestId);
    if (!request || request.studio_id !== studio.id) throw new DomainError('VALIDATION_FAILED', { field: 'requestId' });
  }
  return studio;
}
