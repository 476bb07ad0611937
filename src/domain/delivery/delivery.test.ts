import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkRecord, isDuplicateRequest, pickStudio, withinCorrectionWindow } from './delivery.ts';
import { nextRequestStatus } from './request-lifecycle.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'UNEXPECTED';
  }
};

describe('routing a request', () => {
  const candidates = [
    { studioId: 1, distanceM: 400, openRequests: 3 },
    { studioId: 2, distanceM: 900, openRequests: 0 },
    { studioId: 3, distanceM: 20_000, openRequests: 0 },
  ];

  it('weighs distance against load: a free studio 900 m away beats a busy one 400 m away', () => {
    expect(pickStudio(candidates, new Set())?.studioId).toBe(2);
  });

  it('passes a declined request to the next studio, and never to one too far away', () => {
    expect(pickStudio(candidates, new Set([2]))?.studioId).toBe(1);
    expect(pickStudio(candidates, new Set([1, 2]))).toBeUndefined();
  });
});

describe('request transitions', () => {
  it('accept, then complete; decline passes on', () => {
    expect(nextRequestStatus('assigned', 'accept')).toBe('accepted');
    expect(nextRequestStatus('accepted', 'complete')).toBe('completed');
    expect(nextRequestStatus('assigned', 'decline')).toBe('reassign');
    expect(code(() => nextRequestStatus('completed', 'decline'))).toBe('TRANSITION_NOT_ALLOWED');
    expect(code(() => nextRequestStatus('assigned', 'complete'))).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('service records', () => {
  const now = new Date('2026-11-25T08:00:00Z');
  const good = {
    servedAt: '2026-11-25T07:00:00Z',
    durationMinutes: 90,
    personTimes: 30,
    groups: ['youth' as const],
    content: '为 30 名青少年上书法课',
  };

  it('accept a class of 30 as 30 person-times', () => {
    expect(code(() => checkRecord(good, now))).toBeUndefined();
  });

  it('refuse no one served, no group, a time in the future and a fee', () => {
    expect(code(() => checkRecord({ ...good, personTimes: 0 }, now))).toBe('VALIDATION_FAILED');
    expect(code(() => checkRecord({ ...good, groups: [] }, now))).toBe('VALIDATION_FAILED');
    expect(code(() => checkRecord({ ...good, servedAt: '2026-11-26T08:00:00Z' }, now))).toBe('VALIDATION_FAILED');
    expect(code(() => checkRecord({ ...good, content: '收费 10 元' }, now))).toBe('FEE_NOT_ALLOWED');
  });

  it('may be corrected within the window only', () => {
    expect(withinCorrectionWindow('2026-11-23T09:00:00Z', now, 72)).toBe(true);
    expect(withinCorrectionWindow('2026-11-21T07:00:00Z', now, 72)).toBe(false);
  });
});

describe('duplicate requests', () => {
  const a = { phone: '13800000000', categoryId: 5, text: '家里老人需要上门量血压', at: 0 };
  it('are the same phone, category and text within a day', () => {
    expect(isDuplicateRequest(a, { ...a, text: '家里老人需要上门量血压！', at: 3_600_000 })).toBe(true);
    expect(isDuplicateRequest(a, { ...a, at: 2 * 86_400_000 })).toBe(false);
    expect(isDuplicateRequest(a, { ...a, categoryId: 1 })).toBe(false);
    expect(isDuplicateRequest(a, { ...a, text: '孩子作业没人辅导' })).toBe(false);
  });
});
