import { describe, expect, it } from 'vitest';
import { studioProgress } from './progress.ts';

describe('the studio progress bar', () => {
  it('moves one step per stage, from the application to the plaque', () => {
    expect(studioProgress('draft').current).toBe(0);
    expect(studioProgress('submitted').current).toBe(1);
    expect(studioProgress('community_reviewed').current).toBe(2);
    expect(studioProgress('approved').current).toBe(3);
    expect(studioProgress('contracted').current).toBe(4);
    expect(studioProgress('active')).toEqual({ current: 5, refused: false, after: null });
  });

  it('stops a rejected application at the review that refused it', () => {
    expect(studioProgress('rejected', 'submitted')).toEqual({ current: 1, refused: true, after: null });
    expect(studioProgress('rejected', 'community_reviewed')).toEqual({ current: 2, refused: true, after: null });
  });

  it('shows rectification, revocation and closing after a completed path', () => {
    expect(studioProgress('rectification')).toEqual({ current: 5, refused: false, after: 'rectification' });
    expect(studioProgress('revoked')).toEqual({ current: 5, refused: false, after: 'revoked' });
    expect(studioProgress('closed')).toEqual({ current: 5, refused: false, after: 'closed' });
  });
});
