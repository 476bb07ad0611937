// Statistics, one request at a time: the dashboard's p95 at three levels (the goal is
// under 100 ms at province scale) and how long generating a bulletin (简报) takes for the whole
// province and for a district, each read from the rollups of bench/province-rollups.ts.
import { call, type Session } from '../http.ts';
import type { ProvinceMeta } from '../province.ts';
import type { Server } from '../servers.ts';
import { log } from '../settings.ts';
import { timeAlone, type Latency } from './supervision.ts';

const YEAR = { from: '2026-01-01', to: '2027-01-01' };

/** Generates a bulletin `n` times and reports the times like a latency (p50 = median, p95 = max). */
async function timeBulletin(port: number, session: Session, under: number | undefined, n = 5) {
  const body = JSON.stringify({ ...(under ? { under } : {}), ...YEAR });
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(port, 'POST', '/api/bulletins', headers, body);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`POST /api/bulletins answered ${res.status}: ${res.text.slice(0, 300)}`);
    ms.push(res.ms);
  }
  ms.sort((a, b) => a - b);
  const round = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
  return { requests: n, p50Ms: round(ms[Math.floor(n / 2)]), p95Ms: round(ms[n - 1]), maxMs: round(ms[n - 1]) };
}

/** The dashboards timed alone, then bulletins generated for the province and a district. */
export async function statisticsLatency({
  huimin,
  meta,
  admin,
  street,
}: {
  huimin: Server;
  meta: ProvinceMeta;
  admin: Session;
  street: Session;
}): Promise<Latency[]> {
  const port = huimin.port;
  const year = `from=${YEAR.from}&to=${YEAR.to}`;
  const records = meta.rollups.records.toLocaleString('en-US');
  const dashboards = [
    ['province', admin, `/api/statistics/dashboard?${year}`],
    ['district', admin, `/api/statistics/dashboard?${year}&under=${meta.district.id}`],
    ['street', street, `/api/statistics/dashboard?${year}`],
  ] as const;
  const latency: Latency[] = [];
  for (const [level, session, path] of dashboards) {
    const alone = await timeAlone(port, path, session.cookie, 100);
    log(`dashboard-${level} alone: p50 ${alone.p50Ms} ms, p95 ${alone.p95Ms} ms, max ${alone.maxMs} ms`);
    latency.push({
      id: `dashboard-${level}`,
      label: `GET statistics/dashboard, ${level}, year (${records} records)`,
      ...alone,
    });
  }
  for (const [level, under] of [
    ['province', undefined],
    ['district', meta.district.id],
  ] as const) {
    const t = await timeBulletin(port, admin, under);
    log(`bulletin of the ${level}: median ${t.p50Ms} ms, max ${t.maxMs} ms (${t.requests} generated)`);
    latency.push({ id: `bulletin-${level}`, label: `POST bulletins, ${level}, year (p50 = median of 5)`, ...t });
  }
  return latency;
}
