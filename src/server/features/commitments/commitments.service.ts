import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { acceptsCommitmentDrafts, acceptsCommitmentPublication } from '../../../domain/commitments/commitments.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
import { refuseFees } from '../../../domain/studios/unpaid.ts';
import type { Database } from '../../../db/schema.ts';
import type { Commitment, PublicationPreview, PublishResult } from '../../../contract/commitments.ts';
import { billedText, smsSegments } from '../../../domain/sms/segments.ts';
import { authorize } from '../../scope.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import { listSubscriberPhones } from '../public/public.repository.ts';
import { findStudioCore, type StudioCore } from '../studios/studios.repository.ts';
import { ownersOf } from '../studios/studios.presenter.ts';
import * as repo from './commitments.repository.ts';
import { commitmentAbilities, presentCommitment } from './commitments.presenter.ts';

type Kind = Commitment['kind'];

/** The studio whose commitments these are, if the actor may see it; 404 otherwise. */
async function loadStudio(db: Kysely<Database>, actor: Actor, studioId: number): Promise<StudioCore> {
  const core = await findStudioCore(db, studioId);
  if (!core) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'studio', { unitPath: core.unit_path });
  return core;
}

/** A studio's drafts and published commitments, with their fulfilment and what the actor may do. */
async function commitmentsOf(deps: Deps, actor: Actor, studio: StudioCore): Promise<Commitment[]> {
  const rows = await repo.listCommitmentRows(deps.db, studio.id, ['draft', 'published']);
  const checks = await repo.listChecks(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentCommitment(r, checks, commitmentAbilities(actor, studio, r.status)));
}

/** A studio's current commitments (drafts and published), with how often each was kept. */
export async function listCommitments(deps: Deps, actor: Actor, studioId: number): Promise<Commitment[]> {
  return commitmentsOf(deps, actor, await loadStudio(deps.db, actor, studioId));
}

/** Replaces the studio's draft commitments. Published ones stay public until the drafts are published. */
export async function saveDrafts(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  items: Array<{ kind: Kind; text: string; target?: number | null | undefined }>,
) {
  const core = await loadStudio(deps.db, actor, studioId);
  authorize(actor, 'update', 'commitment', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) });
  if (!acceptsCommitmentDrafts(core.status as StudioStatus))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'commit', status: core.status });
  refuseFees(Object.fromEntries(items.map((item, i) => [`items.${i}.text`, item.text])));
  await deps.db.transaction().execute(async (trx) => {
    await repo.replaceDrafts(trx, studioId, items, ctx.at);
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

/** The SMS that announces a studio's drafts: the template's parameters and the body they render. */
function announcement(
  core: StudioCore,
  drafts: ReadonlyArray<{ text: string }>,
  studioId: number,
  publicBaseUrl: string,
): { params: Record<string, string>; body: string } {
  const params = {
    studio: core.name,
    unit: core.unit_name,
    items: drafts
      .map((d) => d.text)
      .join('；')
      .slice(0, 120),
    url: `${publicBaseUrl}/s/${studioId}`,
  };
  return { params, body: smsTemplates.commitmentPublished.render(params) };
}

/**
 * What publishing the drafts would send, for the confirmation before it: the SMS with its
 * signature, its billed segments, and how many subscribers receive it. Changes nothing.
 */
export async function previewPublication(
  deps: Deps,
  actor: Actor,
  studioId: number,
  publicBaseUrl: string,
): Promise<PublicationPreview> {
  const core = await loadStudio(deps.db, actor, studioId);
  authorize(actor, 'publish', 'commitment', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) });
  const drafts = await repo.listDrafts(deps.db, studioId);
  const recipients = (await listSubscriberPhones(deps.db, core.unit_id)).length;
  const { body } = announcement(core, drafts, studioId, publicBaseUrl);
  const text = billedText(SMS_SIGNATURE, body);
  return {
    signature: SMS_SIGNATURE,
    body,
    text,
    characters: [...text].length,
    segments: smsSegments(text),
    recipients,
    drafts: drafts.length,
  };
}

/**
 * Publishes the drafts (公开承诺): they replace the published set on the studio's page and
 * the community bulletin board, and one SMS per subscriber of the community is queued in
 * the same transaction.
 */
export async function publish(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  publicBaseUrl: string,
): Promise<PublishResult> {
  const core = await loadStudio(deps.db, actor, studioId);
  authorize(actor, 'publish', 'commitment', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) });
  if (!acceptsCommitmentPublication(core.status as StudioStatus))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'publish', status: core.status });
  return deps.db.transaction().execute(async (trx) => {
    const drafts = await repo.listDrafts(trx, studioId);
    if (drafts.length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'commitments' });
    await repo.publishDrafts(trx, studioId, ctx.at);
    const subscribers = await listSubscriberPhones(trx, core.unit_id);
    const { params, body } = announcement(core, drafts, studioId, publicBaseUrl);
    for (const phone of subscribers) {
      await enqueueSms(trx, {
        to: phone,
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
  const core = await loadStudio(deps.db, actor, studioId);
  authorize(actor, 'check', 'commitment', { unitPath: core.unit_path });
  const c = await repo.findCommitment(deps.db, studioId, commitmentId);
  if (!c) throw new DomainError('NOT_FOUND');
  if (c.status !== 'published') throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'check', status: c.status });
  await deps.db.transaction().execute(async (trx) => {
    await repo.replaceCheck(trx, { commitmentId, ...input, checkedBy: actor.accountId, at: ctx.at });
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
