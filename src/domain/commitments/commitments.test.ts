import { describe, expect, it } from 'vitest';
import { studioStatuses } from '../studios/lifecycle.ts';
import { acceptsCommitmentDrafts, acceptsCommitmentPublication } from './commitments.ts';

describe('when a studio may make commitments', () => {
  it('drafts them from the signed agreement on, while it serves', () => {
    expect(studioStatuses.filter(acceptsCommitmentDrafts)).toEqual(['contracted', 'active', 'rectification']);
  });

  it('publishes them only while it serves', () => {
    expect(studioStatuses.filter(acceptsCommitmentPublication)).toEqual(['active', 'rectification']);
  });
});
