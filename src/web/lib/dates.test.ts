import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, setBusinessTimeZone } from './dates.ts';

// The console prints instants as days in the business time zone, not the browser's, so the
// signing day on screen is the agreement's wherever the reader's computer is set.
const processZone = process.env.TZ;
afterEach(() => {
  setBusinessTimeZone('Asia/Shanghai');
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

describe('console dates', () => {
  it('show 01:30 China time as the China day on a computer set to Los Angeles', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date('2025-12-28T17:30:00.000Z').toLocaleDateString('zh-CN')).toBe('2025/12/28');
    expect(formatDay('2025-12-28T17:30:00.000Z', 'zh-CN')).toBe('2025/12/29');
    expect(formatDateTime('2025-12-28T17:30:00.000Z', 'zh-CN')).toBe('2025/12/29 01:30:00');
  });

  it('follow the zone the server names, and ignore one that does not exist', () => {
    process.env.TZ = 'Asia/Shanghai';
    setBusinessTimeZone('America/Los_Angeles');
    expect(formatDay('2025-12-28T17:30:00.000Z', 'en-US')).toBe('12/28/2025');
    setBusinessTimeZone('Nowhere/Special');
    expect(formatDay('2025-12-28T17:30:00.000Z', 'en-US')).toBe('12/28/2025');
  });
});
