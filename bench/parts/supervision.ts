// Supervision: the street's letter queue and the 三率 table of a district and of the whole province,
// on 200,000 letters and 100,000 inspections (bench/province-supervision.ts). Each is checked once,
// then timed alone (one request at a time, for its p95), then measured under load like the others.
import { call, getJson, type Session } from '../http.ts';
import type { Target } from '../measure.ts';
import type { ProvinceMeta } from '../province.ts';
import { SUPERVISION_PERIOD } from '../province-supervision.ts';
import type { Server } from '../servers.ts';
import { log, NEW_DURATION } from '../settings.ts';

/** One request at a time: the latency a user sees, without a queue in front of it. */
export interface Latency {
  id: string;
  label: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** The q-quantile (0 < q ≤ 1) of times sorted ascending, in ms to one decimal; 0 for none. */
export function quantileOf(sorted: readonly number[], q: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0) * 10) / 10;
}

/** Sequential requests after a short warm-up: p50, p95 and the maximum. */
export async function timeAlone(
  port: number,
  path: string,
  cookie: string,
  n = 200,
): Promise<Omit<Latency, 'id' | 'label'>> {
  for (let i = 0; i < 10; i++) await call(port, 'GET', path, { cookie });
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(port, 'GET', path, { cookie });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status} while timed: ${res.text.slice(0, 300)}`);
    ms.push(res.ms);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => quantileOf(ms, q);
  return { requests: n, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/** The supervision targets, each checked against what the generator knows, and their latency alone. */
export async function supervisionTargets({
  huimin,
  meta,
  admin,
  street,
}: {
  huimin: Server;
  meta: ProvinceMeta;
  admin: Session;
  street: Session;
}): Promise<{ targets: Target[]; latency: Latency[] }> {
  const port = huimin.port;
  const sv = meta.supervision;
  const period = `from=${SUPERVISION_PERIOD.from}&to=${SUPERVISION_PERIOD.to}&by=street`;
  const queuePath = '/api/letters?open=1&limit=20';
  const cases = [
    {
      id: 'letter-queue',
      label: `GET letters, street queue (open, page 1 of ≤ ${sv.streetOpenLetters})`,
      session: street,
      path: queuePath,
      // The mailbox job closes, at the server's start, the replies left unrated past their window
      // (the server's today is later than the data set's), so the queue holds at most what was generated.
      check: (b: { total?: number; items?: unknown[] }) =>
        (b.total ?? 0) > 0 && (b.total ?? 0) <= sv.streetOpenLetters && b.items?.length === Math.min(20, b.total ?? 0),
    },
    {
      id: 'rates-district',
      label: `GET 三率 by street, a district, a quarter (${sv.quarterStreets.district} streets, ${sv.quarterLetters.district} letters)`,
      session: admin,
      path: `/api/mailbox/rates?${period}&under=${meta.district.id}`,
      check: (b: { rows?: unknown[]; total?: { letters: number } }) =>
        b.rows?.length === sv.quarterStreets.district && b.total?.letters === sv.quarterLetters.district,
    },
    {
      id: 'rates-province',
      label: `GET 三率 by street, whole province, a quarter (${sv.quarterStreets.root} streets, ${sv.quarterLetters.root} letters)`,
      session: admin,
      path: `/api/mailbox/rates?${period}`,
      check: (b: { rows?: unknown[]; total?: { letters: number } }) =>
        b.rows?.length === sv.quarterStreets.root && b.total?.letters === sv.quarterLetters.root,
    },
  ];
  const targets: Target[] = [];
  const latency: Latency[] = [];
  for (const c of cases) {
    const { status, body } = await getJson<Record<string, unknown>>(port, c.path, c.session.cookie);
    if (status !== 200 || !c.check(body as never))
      throw new Error(`${c.path} answered ${status}: ${JSON.stringify(body).slice(0, 400)}`);
    const alone = await timeAlone(port, c.path, c.session.cookie);
    log(
      `${c.id} alone: p50 ${alone.p50Ms} ms, p95 ${alone.p95Ms} ms, max ${alone.maxMs} ms (${alone.requests} requests)`,
    );
    latency.push({ id: c.id, label: c.label, ...alone });
    targets.push({
      id: c.id,
      part: 'supervision',
      label: c.label,
      server: huimin,
      spec: { url: `http://127.0.0.1:${port}${c.path}`, headers: { cookie: c.session.cookie } },
      duration: NEW_DURATION,
    });
  }
  return { targets, latency };
}

/** The table of latencies alone, after the load table. */
export function printLatency(latency: Latency[]): void {
  console.log('\none request at a time (p95 goal of the 三率 table and the dashboards: < 100 ms)\n');
  console.log('| endpoint | requests | p50 ms | p95 ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const l of latency) console.log(`| ${l.label} | ${l.requests} | ${l.p50Ms} | ${l.p95Ms} | ${l.maxMs} |`);
}
