import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isServing, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import { mentionsFee } from '../../../domain/studios/unpaid.ts';
import type { Commitment } from '../../../contract/commitments.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import { loadVisibleStudio, ownersOf } from '../studios/studios.service.ts';

type Kind = Commitment['kind'];

/** A studio's current commitments (drafts and published), with how often each was kept. */
export async function listCommitments(deps: Deps, actor: Actor, studioId: number): Promise<Commitment[]> {
  await loadVisibleStudio(deps.db, actor, studioId);
  return commitmentsOf(deps, studioId, ['draft', 'published']);
}

/** Commitments of a studio in the given statuses, in order. */
export async function commitmentsOf(deps: Deps, studioId: number, statuses: string[]): Promise<Commitment[]> {
  const rows = await deps.db
    .selectFrom('commitments')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('status', 'in', statuses)
    .orderBy('status', 'desc')
    .orderBy('position')
    .execute();
  const checks = rows.length
    ? await deps.db
        .selectFrom('commitment_checks')
        .select(['commitment_id', 'kept'])
        .where(
          'commitment_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => {
    const mine = checks.filter((c) => c.commitment_id === r.id);
    return {
      id: r.id,
      kind: r.kind as Kind,
      text: r.text,
      target: r.target,
      status: r.status as Commitment['status'],
      publishedAt: r.published_at,
      fulfilment: { checked: mine.length, kept: mine.filter((c) => c.kept === 1).length },
    };
  });
}

/** Replaces the studio's draft commitments. Published ones stay public until the drafts are published. */
export async function saveDrafts(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  items: Array<{ kind: Kind; text: string; target?: number | null | undefined }>,
) {
  const core = await loadVisibleStudio(deps.db, actor, studioId);
  authorize(actor, 'update', 'commitment', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) });
  if (!['contracted', 'active', 'rectification'].includes(core.status))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'commit', status: core.status });
  if (items.some((i) => mentionsFee(i.text))) throw new DomainError('FEE_NOT_ALLOWED');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('commitments').where('studio_id', '=', studioId).where('status', '=', 'draft').execute();
    await trx
      .insertInto('commitments')
      .values(
        items.map((i, n) => ({
          studio_id: studioId,
          kind: i.kind,
          text: i.text,
          target: i.target ?? null,
          position: n + 1,
          status: 'draft',
          published_at: null,
          created_at: ctx.at,
          updated_at: ctx.at,
        })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'studio',
      entityId: studioId,
      action: 'commitments.save',
      unitId: core.unit_id,
      after: items,
    });
  });
  return listCommitments(deps, actor, studioId);
}

/**
 * Publishes the drafts (公开承诺): they replace the published set on the studio's page and
 * the community bulletin board, and one SMS per subscriber of the community is queued in
 * the same transaction.
 */
export async function publish(deps: Deps, ctx: AuditContext, actor: Actor, studioId: number, publicBaseUrl: string) {
  const core = await loadVisibleStudio(deps.db, actor, studioId);
  authorize(actor, 'publish', 'commitment', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) });
  if (!isServing(core.status as StudioStatus))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'publish', status: core.status });
  return deps.db.transaction().execute(async (trx) => {
    const drafts = await trx
      .selectFrom('commitments')
      .select(['id', 'text'])
      .where('studio_id', '=', studioId)
      .where('status', '=', 'draft')
      .orderBy('position')
      .execute();
    if (drafts.length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'commitments' });
    await trx
      .updateTable('commitments')
      .set({ status: 'withdrawn', updated_at: ctx.at })
      .where('studio_id', '=', studioId)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('commitments')
      .set({ status: 'published', published_at: ctx.at, updated_at: ctx.at })
      .where('studio_id', '=', studioId)
      .where('status', '=', 'draft')
      .execute();
    const subscribers = await trx
      .selectFrom('sms_subscriptions')
      .select('phone')
      .where('unit_id', '=', core.unit_id)
      .where('unsubscribed_at', 'is', null)
      .execute();
    const params = {
      studio: core.name,
      unit: core.unit_name,
      items: drafts
        .map((d) => d.text)
        .join('；')
        .slice(0, 120),
      url: `${publicBaseUrl}/s/${studioId}`,
    };
    const body = smsTemplates.commitmentPublished.render(params);
    for (const s of subscribers) {
      await enqueueSms(trx, {
        to: s.phone,
        templateId: smsTemplates.commitmentPublished.id,
        params,
        signature: SMS_SIGNATURE,
        body,
        unitId: core.unit_id,
        entity: 'studio',
        entityId: String(studioId),
        at: ctx.at,
      });
    }
    await recordAudit(trx, ctx, {
      entity: 'studio',
      entityId: studioId,
      action: 'commitments.publish',
      unitId: core.unit_id,
      after: { published: drafts.length, smsQueued: subscribers.length },
    });
    return { published: drafts.length, smsQueued: subscribers.length };
  });
}

/** Records whether a published commitment was kept in a month; a second check of the same month replaces the first. */
export async function recordFulfilment(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  commitmentId: number,
  input: { period: string; kept: boolean; note: string },
) {
  const core = await loadVisibleStudio(deps.db, actor, studioId);
  authorize(actor, 'check', 'commitment', { unitPath: core.unit_path });
  const c = await deps.db
    .selectFrom('commitments')
    .select(['id', 'status'])
    .where('id', '=', commitmentId)
    .where('studio_id', '=', studioId)
    .executeTakeFirst();
  if (!c) throw new DomainError('NOT_FOUND');
  if (c.status !== 'published') throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'check', status: c.status });
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('commitment_checks')
      .where('commitment_id', '=', commitmentId)
      .where('period', '=', input.period)
      .execute();
    await trx
      .insertInto('commitment_checks')
      .values({
        commitment_id: commitmentId,
        period: input.period,
        kept: input.kept ? 1 : 0,
        note: input.note,
        checked_by: actor.accountId,
        at: ctx.at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'commitment',
      entityId: commitmentId,
      action: 'fulfilment.check',
      unitId: core.unit_id,
      after: input,
    });
  });
  return listCommitments(deps, actor, studioId);
}
