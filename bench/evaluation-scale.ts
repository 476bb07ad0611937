/**
 * A scaled measurement of the quarterly evaluation run (not yet a part of `npm run bench`):
 *
 *   node bench/evaluation-scale.ts [studios=2000] [recordsPerStudio=116]
 *
 * Builds an in-memory SQLite app with the demo data, adds `studios` serving studios (one
 * community each, under streets of 20) and `recordsPerStudio` service records each in 2026-Q3
 * (116 per studio is the province's 2.5 million records over 21,549 studios), then runs the
 * quarter while a timer measures how long the event loop is held (what another request
 * would wait), how long a cheap query asked every 20 ms waits, samples the heap and RSS, and
 * times each step of the run; then runs it again (the re-run compares with the first), then
 * dry-runs it; each prints the size of its answer.
 * Letters and inspections are not generated.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createTestApp } from '../test/test-app.ts';
import { buildAccount } from '../test/factories/accounts.ts';
import { buildUnit } from '../test/factories/org-units.ts';
import { buildStudio } from '../test/factories/studios.ts';
import { rootUnits } from '../src/server/features/evaluation/evaluation.repository.ts';
import { StepTimes } from '../src/server/jobs/run-timings.ts';
import { runQuarter } from '../src/server/features/evaluation/run.service.ts';

const studios = Number(process.argv[2] ?? 2000);
const perStudio = Number(process.argv[3] ?? 116);
const Q3 = Date.parse('2026-07-01T00:00:00.000Z');

const t = await createTestApp();
const generated = performance.now();
const owner = await buildAccount(t.db, { role: 'member' });
const category = (await t.db.selectFrom('categories').select('id').executeTakeFirstOrThrow()).id;
let street: number | undefined;
for (let s = 0; s < studios; s++) {
  const unit = await buildUnit(
    t.db,
    s % 20 === 0 || street === undefined ? { level: 'community' } : { level: 'community', parentId: street },
  );
  if (s % 20 === 0)
    street = (
      await t.db.selectFrom('org_units').select('parent_id').where('id', '=', unit.id).executeTakeFirstOrThrow()
    ).parent_id as number;
  const studio = await buildStudio(t.db, { unitId: unit.id, applicantId: owner.id });
  await t.db
    .updateTable('studios')
    .set({ status_changed_at: '2026-01-05T00:00:00.000Z' })
    .where('id', '=', studio.id)
    .execute();
  const rows = Array.from({ length: perStudio }, (_, i) => {
    const at = new Date(Q3 + ((s * 7919 + i * 104_729) % (90 * 86_400)) * 1000).toISOString();
    return {
      studio_id: studio.id,
      unit_id: unit.id,
      author_id: owner.id,
      request_id: null,
      idempotency_key: `bench-${studio.id}-${i}`,
      rating_code: `B${studio.id}R${i}`,
      served_at: at,
      duration_minutes: 60,
      recipient_name: null,
      groups_json: '["elderly"]',
      category_id: category,
      mode: 'studio',
      content: '集中服务',
      person_times: 1 + (i % 9),
      created_at: at,
      updated_at: at,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await t.db
      .insertInto('service_records')
      .values(rows.slice(i, i + 200))
      .execute();
}
console.log(
  `generated ${studios} studios, ${studios * perStudio} records in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
);

const [root] = await rootUnits(t.db);
if (!root) throw new Error('no root unit');
const ctx = { actor: null, ip: '', requestId: 'bench:evaluation-scale', at: t.clock.now().toISOString() };

/** Runs the quarter once (dry, or writing), measured: event loop, a database probe, memory, each step's time. */
async function measuredRun(label: string, dryRun: boolean) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let peakRss = 0;
  let peakHeap = 0;
  // The longest the event loop was held between two 10 ms ticks: what another request would have waited.
  let lastTick = performance.now();
  let longestHold = 0;
  const sampler = setInterval(() => {
    const now = performance.now();
    longestHold = Math.max(longestHold, now - lastTick);
    lastTick = now;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  // A cheap query every 20 ms, as another request would ask: it waits for the connection too.
  const probe: number[] = [];
  const prober = setInterval(() => {
    const asked = performance.now();
    void t.db
      .selectFrom('org_units')
      .select('id')
      .limit(50)
      .execute()
      .then(() => probe.push(performance.now() - asked));
  }, 20);
  const rssBefore = process.memoryUsage().rss;
  delay.enable();
  const timings = new StepTimes();
  const started = performance.now();
  const result = await runQuarter(t.db, ctx, {
    root: root as { id: number; path: string },
    quarter: '2026-Q3',
    dryRun,
    trigger: 'manual',
    actor: null,
    timings,
  });
  const seconds = (performance.now() - started) / 1000;
  longestHold = Math.max(longestHold, performance.now() - lastTick);
  delay.disable();
  clearInterval(sampler);
  clearInterval(prober);
  await new Promise((r) => setTimeout(r, 50));
  probe.sort((a, b) => a - b);
  const q = (p: number) => Math.round(probe[Math.min(probe.length - 1, Math.floor(p * probe.length))] ?? 0);
  // The answer the route serialises (after the run, so outside the measured hold).
  const serialising = performance.now();
  const answerKb = Math.round(JSON.stringify(result).length / 1024);
  const answerMs = Math.round(performance.now() - serialising);
  console.log(
    JSON.stringify({
      run: label,
      scored: result.scored,
      changed: result.changed,
      seconds: Number(seconds.toFixed(2)),
      rssBeforeMb: Math.round(rssBefore / 1_048_576),
      peakRssMb: Math.round(peakRss / 1_048_576),
      peakHeapMb: Math.round(peakHeap / 1_048_576),
      longestHoldMs: Math.round(longestHold),
      answer: { kb: answerKb, stringifyMs: answerMs },
      eventLoopDelayMs: {
        p50: Number((delay.percentile(50) / 1e6).toFixed(1)),
        p99: Number((delay.percentile(99) / 1e6).toFixed(1)),
        max: Number((delay.max / 1e6).toFixed(1)),
      },
      probeMs: { n: probe.length, p50: q(0.5), p99: q(0.99), max: q(1) },
      steps: timings.toJSON(),
    }),
  );
}

await measuredRun('first', false);
await measuredRun('re-run', false);
await measuredRun('dry', true);
await t.close();
