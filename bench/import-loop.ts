/**
 * The registry import measured from inside the server's process: how long the event loop is
 * blocked during the dry run and the commit (perf_hooks' monitorEventLoopDelay, the longest
 * delay), how long a GET /api/health asked every 50 ms waits, seconds and peak RSS per phase.
 * The bench's import part sees the same from outside, noisier (the load generator and other
 * processes share the cores). On the demo data set, SQLite in a temporary file.
 *
 *   node bench/import-loop.ts [rows=100000]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { goodRow, workbookOf } from '../test/registry-workbook.ts';
import { createTestApp } from '../test/test-app.ts';

const rows = Number(process.argv[2] ?? 100_000);
const dir = join(import.meta.dirname, '.data');
mkdirSync(dir, { recursive: true });
const cached = join(dir, `import-loop-${rows}.xlsx`);
if (!existsSync(cached))
  writeFileSync(cached, await workbookOf(Array.from({ length: rows }, (_, n) => goodRow(5_000_000 + n))));
const file = readFileSync(cached);

const t = await createTestApp();
const admin = await t.login('xixing');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const loop = monitorEventLoopDelay({ resolution: 5 });
let peakRss = 0;
let health: number[] = [];
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
let pinging = true;
const pinger = (async () => {
  while (pinging) {
    const started = performance.now();
    await t.app.inject({ method: 'GET', url: '/api/health' });
    health.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
})();

/** Figures of a phase, then everything reset for the next. */
let cpu = process.cpuUsage();
function phase(name: string, started: number) {
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  const ms = (x: number) => `${(x / 1e6).toFixed(0)} ms`;
  console.log(
    `${name.padEnd(8)} ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s  ` +
      `event-loop delay max ${ms(loop.max)} (p99 ${ms(loop.percentile(99))})  ` +
      `health max ${Math.max(0, ...health).toFixed(0)} ms (${health.length} answered)  ` +
      `peak RSS ${(peakRss / 1_048_576).toFixed(0)} MB`,
  );
  loop.reset();
  health = [];
  peakRss = 0;
}

console.log(`${rows} rows, ${(file.length / 1_048_576).toFixed(1)} MB; load ${loadavg()[0]?.toFixed(2)}`);
loop.enable();
cpu = process.cpuUsage();
let started = performance.now();
const upload = await admin.request({
  method: 'POST',
  url: '/api/registry/imports?filename=loop.xlsx',
  payload: file,
  headers: { 'content-type': XLSX },
});
const { id } = upload.json() as { id: number };
let status: { status: string; totalRows: number; errorRows: number };
do {
  await new Promise((r) => setTimeout(r, 100));
  status = (await admin.get(`/api/registry/imports/${id}`)).json();
} while (status.status === 'validating');
phase('dry run', started);
started = performance.now();
const commit = await admin.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' });
phase('commit', started);
console.log(
  `status ${commit.statusCode}: ${JSON.stringify(commit.json()).slice(0, 160)}; load ${loadavg()[0]?.toFixed(2)}`,
);
pinging = false;
await pinger;
clearInterval(sampler);
await t.close();
