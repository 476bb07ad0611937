import { isServing, type StudioStatus } from '../studios/lifecycle.ts';

/** Whether a studio may draft commitments: from the signed agreement on, while it serves. */
export function acceptsCommitmentDrafts(status: StudioStatus): boolean {
  return status === 'contracted' || isServing(status);
}

/** Whether a studio may publish its drafts: only while it holds its plaque and serves. */
export function acceptsCommitmentPublication(status: StudioStatus): boolean {
  return isServing(status);
}
