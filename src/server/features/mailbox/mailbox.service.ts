import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { LetterDetail, LetterSummary, listLettersQuery } from '../../../contract/mailbox.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { LetterInput } from '../../../domain/mailbox/lifecycle.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './mailbox.repository.ts';
import { listLetterQueue } from './letter-queue.repository.ts';
import { loadCalendar, readMailboxSettings } from './mailbox-settings.repository.ts';
import { allowedActionsOf, presentDetail, presentSummary, relationOf } from './mailbox.presenter.ts';
import { runTransition } from './mailbox-transitions.service.ts';

/** A staff transition as the API receives it; the service adds what the guards need. */
export type StaffRequest =
  | { action: 'assign'; handlerId: number }
  | { action: 'acknowledge'; note: string }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'reply'; text: string }
  | { action: 'replyAgain'; text: string }
  | { action: 'rule'; finding: 'substantiated' | 'unsubstantiated'; reason: string };

const today = (deps: Deps) => chinaDate(deps.clock.now());

/**
 * Loads a letter the actor may see, or answers 404: letters outside the actor's subtree, and
 * accusations for anyone without the district's rule for them, do not exist for them.
 */
async function loadVisibleLetter(db: Kysely<Database>, actor: Actor, id: number): Promise<repo.LetterRow> {
  const row = await repo.findLetter(db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  const target = { unitPath: row.unit_path };
  authorize(actor, 'read', 'letter', target);
  if (row.type === 'accusation' && !can(actor, 'read', 'accusation', target)) throw new DomainError('NOT_FOUND');
  return row;
}

/** The street's (or the district's) letter queue: deadlines, overdue and escalation flags, writers masked. */
export async function listLetters(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof listLettersQuery>,
): Promise<{ items: LetterSummary[]; total: number }> {
  const scope = await resolveScope(deps.db, actor, 'read', 'letter', query.under);
  const day = today(deps);
  const { rows, total } = await listLetterQueue(deps.db, {
    path: scope.path,
    today: day,
    status: query.status,
    type: query.type,
    studioId: query.studioId,
    open: query.open !== undefined,
    overdue: query.overdue !== undefined,
    escalated: query.escalated !== undefined,
    handlerId: query.mine !== undefined ? actor.accountId : undefined,
    withAccusations: can(actor, 'read', 'accusation', { unitPath: scope.path }),
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((r) => presentSummary(r, day, allowedActionsOf(actor, r))), total };
}

/** One letter with its timeline and photos, and what the actor may do with it now. */
export async function getLetter(deps: Deps, actor: Actor, id: number): Promise<LetterDetail> {
  const row = await loadVisibleLetter(deps.db, actor, id);
  const [events, photos] = await Promise.all([repo.listLetterEvents(deps.db, id), repo.listLetterPhotos(deps.db, id)]);
  return presentDetail(row, { events, photos }, today(deps), allowedActionsOf(actor, row));
}

/** The writer's name and phone unmasked, for the staff who must call back; every read is audited. */
export async function revealContact(deps: Deps, ctx: AuditContext, actor: Actor, id: number) {
  const row = await loadVisibleLetter(deps.db, actor, id);
  authorize(actor, 'readPersonal', 'letter', { unitPath: row.unit_path });
  await recordAudit(deps.db, ctx, {
    entity: 'letter',
    entityId: id,
    action: 'personal.read',
    unitId: row.unit_id,
    after: { fields: ['writerName', 'writerPhone'] },
  });
  return { writerName: row.writer_name, writerPhone: row.writer_phone };
}

/** One photo of a letter the actor may see. */
export async function getLetterPhoto(deps: Deps, actor: Actor, id: number, photoId: number) {
  await loadVisibleLetter(deps.db, actor, id);
  const photo = await repo.findLetterPhoto(deps.db, id, photoId);
  if (!photo) throw new DomainError('NOT_FOUND');
  return { mime: photo.mime, content: Buffer.from(photo.content), etag: photo.sha256 };
}

/** The street's staff who may be named the letter's handler. */
export async function listHandlers(deps: Deps, actor: Actor, id: number) {
  const row = await loadVisibleLetter(deps.db, actor, id);
  authorize(actor, 'assign', 'letter', { unitPath: row.unit_path });
  const candidates = await repo.listHandlerCandidates(deps.db, row.street_id);
  return candidates.map((c) => ({ id: c.id, username: c.username, displayName: c.display_name }));
}

/**
 * Runs one staff transition: loads the letter (404 out of scope), fills in what the guards
 * need (is the handler one of the street's staff, the district's extension limit, is the
 * reviewer the handler), and lets the lifecycle decide; the change, its timeline entry and
 * its audit entry are written in one transaction.
 */
export async function actOnLetter(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  request: StaffRequest,
): Promise<LetterDetail> {
  const day = chinaDate(new Date(ctx.at));
  const [settings, calendar] = await Promise.all([readMailboxSettings(deps.db), loadCalendar(deps.db)]);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadVisibleLetter(trx, actor, id);
    let input: LetterInput;
    let handlerName: string | null = null;
    switch (request.action) {
      case 'assign': {
        const candidates = await repo.listHandlerCandidates(trx, row.street_id);
        const handler = candidates.find((c) => c.id === request.handlerId);
        handlerName = handler?.display_name ?? null;
        input = { action: 'assign', handlerId: request.handlerId, handlerEligible: handler !== undefined };
        break;
      }
      case 'extend':
        input = { ...request, maxDays: settings.extensionMaxDays };
        break;
      case 'rule':
        input = { ...request, byHandler: row.handler_id === actor.accountId };
        break;
      default:
        input = request;
    }
    await runTransition(
      trx,
      ctx,
      row,
      input,
      { kind: 'staff', relation: relationOf(actor, row) },
      { today: day, settings, calendar },
      { handlerName },
    );
  });
  return getLetter(deps, actor, id);
}
