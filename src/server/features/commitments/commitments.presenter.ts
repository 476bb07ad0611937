import type { Commitment, CommitmentAbility } from '../../../contract/commitments.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { acceptsCommitmentDrafts, acceptsCommitmentPublication } from '../../../domain/commitments/commitments.ts';
import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { StudioCore } from '../studios/studios.repository.ts';
import { ownersOf } from '../studios/studios.presenter.ts';
import type { CommitmentRow } from './commitments.repository.ts';

/** What the actor may do with one commitment of this studio now. */
export function commitmentAbilities(actor: Actor, studio: StudioCore, status: string): CommitmentAbility[] {
  const studioStatus = studio.status as StudioStatus;
  const own = { unitPath: studio.unit_path, ownerAccountIds: ownersOf(studio) };
  const abilities: CommitmentAbility[] = [];
  if (acceptsCommitmentDrafts(studioStatus) && can(actor, 'update', 'commitment', own)) abilities.push('update');
  if (status === 'draft' && acceptsCommitmentPublication(studioStatus) && can(actor, 'publish', 'commitment', own))
    abilities.push('publish');
  if (status === 'published' && can(actor, 'check', 'commitment', { unitPath: studio.unit_path }))
    abilities.push('check');
  return abilities;
}

/** A commitment with how often it was kept, and what the actor may do with it. */
export function presentCommitment(
  row: CommitmentRow,
  checks: Array<{ commitment_id: number; kept: number }>,
  allowedActions: CommitmentAbility[],
): Commitment {
  const mine = checks.filter((c) => c.commitment_id === row.id);
  return {
    id: row.id,
    kind: row.kind as Commitment['kind'],
    text: row.text,
    target: row.target,
    status: row.status as Commitment['status'],
    publishedAt: row.published_at,
    fulfilment: { checked: mine.length, kept: mine.filter((c) => c.kept === 1).length },
    allowedActions,
  };
}

/** A published commitment as residents see it: the promise and when it was made. */
export function presentPublicCommitment(row: CommitmentRow) {
  return {
    id: row.id,
    kind: row.kind as Commitment['kind'],
    text: row.text,
    target: row.target,
    publishedAt: row.published_at,
  };
}
