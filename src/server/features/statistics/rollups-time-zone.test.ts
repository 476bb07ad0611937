import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contract/statistics.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { businessDayStart, setBusinessTimeZone } from '../../time.ts';
import { rebuildRollups } from './rollups.commands.ts';

// The rollups' days and months are days in the configured business zone (HUIMIN_TIME_ZONE), not
// China's fixed UTC+8: a service late on 30 September in Los Angeles is September's there.

let t: TestApp;
let xixing = 0;
let base = { sep: 0, oct: 0 };
const lateSeptember = '2026-10-01T05:00:00.000Z'; // 22:00 on 30 September in Los Angeles, 13:00 on 1 October in China

beforeAll(async () => {
  t = await createTestApp({ config: { HUIMIN_TIME_ZONE: 'America/Los_Angeles' } });
  xixing = await t.unitId('350802003004');
  base = { sep: (await monthOf('2026-09')) ?? 0, oct: (await monthOf('2026-10')) ?? 0 };
  await buildRecord(t.db, { unitId: xixing, servedAt: lateSeptember });
});
afterAll(async () => {
  await t.close();
  setBusinessTimeZone('Asia/Shanghai');
});

const monthOf = async (month: string) => {
  const d = (await (
    await (await t.login('admin')).get(`/api/statistics/dashboard?from=2026-08-01&to=2026-11-01&under=${xixing}`)
  ).json()) as Dashboard;
  return d.charts.find((c) => c.id === 'servicesByMonth')?.items.find((i) => i.key === month)?.current;
};

describe('rollups in the business time zone', () => {
  it('starts a business day at its local midnight, daylight saving included', () => {
    expect(businessDayStart('2026-07-01')).toBe('2026-07-01T07:00:00.000Z');
    expect(businessDayStart('2026-12-01')).toBe('2026-12-01T08:00:00.000Z');
    expect(businessDayStart('2026-03-08')).toBe('2026-03-08T08:00:00.000Z');
    expect(businessDayStart('2026-03-09')).toBe('2026-03-09T07:00:00.000Z');
  });

  it('counts a service on its day in the zone, as written and after a rebuild', async () => {
    expect(await monthOf('2026-09')).toBe(base.sep + 1);
    expect(await monthOf('2026-10')).toBe(base.oct);
    await rebuildRollups(t.db, t.engine, t.clock.now().toISOString());
    expect(await monthOf('2026-09')).toBe(base.sep + 1);
    expect(await monthOf('2026-10')).toBe(base.oct);
  });

  it('rebuilds at start when the rollups were built in another zone', async () => {
    setBusinessTimeZone('Asia/Shanghai');
    expect(await rebuildRollups(t.db, t.engine, t.clock.now().toISOString(), { onlyIfUnbuilt: true })).toBeGreaterThan(
      0,
    );
    expect(await rebuildRollups(t.db, t.engine, t.clock.now().toISOString(), { onlyIfUnbuilt: true })).toBe(0);
    setBusinessTimeZone('America/Los_Angeles');
  });
});
