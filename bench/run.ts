/**
 * `npm run bench`: Huimin's endpoints on a whole-province data set, against a bare Fastify control
 * measured in the same run, interleaved (control, endpoint, control, endpoint, …), then a 100,000-row
 * registry import, each web entry's first-load size, and the throttled page loads. See bench/README.md.
 *
 *   npm run bench                                                   # SQLite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # PostgreSQL (database huimin_bench)
 *   npm run bench -- --only=nearest,records                         # some parts only
 *   npm run bench -- --only=records --compare bench/results/before.json   # and each figure beside an earlier run's
 *   node bench/compare.ts before.json after.json                    # two results files side by side, no run
 *   npm run bench -- --help                                         # this text
 *
 * Parts: org-units, login, registry, coverage, nearest, statistics, evaluation, supervision, records, import,
 * web, pageload (all by default). `pageload` needs a built web app (`npm run build`) and /usr/bin/chromium.
 *
 * Knobs (environment): BENCH_ROUNDS (3), BENCH_DURATION seconds per measurement of the org-unit and
 * login endpoints (5), BENCH_NEW_DURATION seconds per measurement of the registry, coverage, nearest
 * and records endpoints (3), BENCH_WARMUP seconds per target (2), BENCH_CONNECTIONS (50),
 * BENCH_IMPORT_ROWS (100000), BENCH_DEADLINE_S (600), BENCH_WEB_DIR (dist/web), BENCH_PAGELOAD_RUNS (3), BENCH_FSYNC (0; 1 counts
 * the server's fsync calls per record with strace during the records measurements, which slows them).
 *
 * The parts live beside this file: settings.ts (knobs, --only), dataset.ts, servers.ts (child
 * processes), http.ts, measure.ts (load), report.ts, and parts/ (endpoints, records, import, web).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyzePostgres, loadDataset, prepareRun } from './dataset.ts';
import { login } from './http.ts';
import { measureAll, settle, type Measurement, type Target } from './measure.ts';
import { endpointTargets } from './parts/endpoints.ts';
import { importPart } from './parts/import.ts';
import { rollupCostPart } from './parts/rollup-cost.ts';
import { recordsTarget, type RecordsCheck } from './parts/records.ts';
import { buildServer } from '../scripts/build-server.ts';
import { findServerBundle } from '../src/server/server-bundle.js';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags.js';
import { pageloadPart, printPageload, type PageLoadResult } from './parts/pageload.ts';
import { printLatency, supervisionTargets, type Latency } from './parts/supervision.ts';
import { statisticsLatency } from './parts/statistics.ts';
import { evaluationPart } from './parts/evaluation.ts';
import { logWeb, printWeb, webReport, type WebReport } from './parts/web.ts';
import { summaryOf } from './province.ts';
import { reportLoad, writeResults } from './report.ts';
import { compareArg, printCompare } from './compare.ts';
import { cleanUp, cpuMs, firstAnswerMs, installExitHandlers, memoryKb, startServer } from './servers.ts';
import {
  benchDir,
  CONNECTIONS,
  DEADLINE_MS,
  DURATION,
  IMPORT_ROWS,
  log,
  NEW_DURATION,
  repoDir,
  ROUNDS,
  selectedParts,
  WARMUP,
} from './settings.ts';

installExitHandlers();

async function main(): Promise<void> {
  const started = new Date();
  const parts = selectedParts(process.argv.slice(2));
  const pgUrl = process.env.DATABASE_URL;
  const engine = pgUrl ? 'postgres' : 'sqlite';
  const loadParts = [...parts].filter((p) => !['import', 'rollup-cost', 'web', 'pageload'].includes(p));
  log(
    `engine ${engine}; parts ${[...parts].join(', ')}; ${ROUNDS} rounds × ${DURATION} s (org units, login) / ${NEW_DURATION} s (registry, coverage, nearest, records), warm-up ${WARMUP} s, ${CONNECTIONS} connections; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}`,
  );

  const result: Record<string, unknown> = {
    startedAt: started.toISOString(),
    engine,
    parts: [...parts],
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      node: process.version,
      loadavgAtStart: loadavg(),
    },
    settings: {
      rounds: ROUNDS,
      durationS: DURATION,
      newEndpointDurationS: NEW_DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      importRows: IMPORT_ROWS,
      tool: 'autocannon (separate process)',
    },
  };
  let failed = false;

  if (parts.has('web')) {
    const web = webReport();
    result.web = web;
    logWeb(web);
  }

  const needServer = loadParts.length > 0 || parts.has('import') || parts.has('rollup-cost');
  if (needServer) {
    const { serverEnv, runDir } = prepareRun(pgUrl);
    try {
      const { meta, dbWhere } = await loadDataset(pgUrl, serverEnv, runDir);
      result.dataset = meta;
      log(`data set ${meta.key}: ${summaryOf(meta)}`);

      // Huimin starts as `npm run build && npm run serve` does: from its bundle (start-up, item 10).
      const bundle = findServerBundle(repoDir);
      if (!bundle || !('file' in bundle)) {
        const built = await buildServer();
        log(`server bundle built (${built.inputs} files, ${built.ms} ms)`);
      }
      // One after the other: Huimin's start-up is measured without the control's on the other core.
      const control = await startServer(
        'control',
        [join(benchDir, 'control.ts')],
        { ...process.env, PORT: '0' },
        /listening on http:\/\/127\.0\.0\.1:(\d+)/,
      );
      const huimin = await startServer(
        'huimin',
        [...SERVER_NODE_FLAGS, join(repoDir, 'src', 'server', 'start.js')],
        serverEnv,
        /serving at http:\/\/127\.0\.0\.1:(\d+)/,
      );
      log(`control on :${control.port}, huimin on :${huimin.port}`);
      // Start-up (issue 14, item 10): from spawn to the first 200 of /api/health on the existing
      // province database; then the periodic jobs' first run (1 s after start: on a fresh copy of the
      // data set the mailbox job and the quarter's evaluation and inspection plans have work to do) is
      // let finish, so that it is not measured as part of the first endpoints.
      const healthMs = await firstAnswerMs(huimin, '/api/health');
      // The CPU it used to get there: steadier than the wall time on a shared machine.
      const startCpuMs = cpuMs(huimin.child.pid);
      const { runsFrom } = (await (await fetch(`http://127.0.0.1:${huimin.port}/api/health`)).json()) as {
        runsFrom: string;
      };
      await new Promise((r) => setTimeout(r, 1_500));
      // Up to 10 minutes: the quarter's evaluation reads 2.5 million records on a fresh copy.
      const busyS = 1.5 + (await settle(huimin, 600_000));
      const rssMb = Math.round((memoryKb(huimin.child.pid)?.rss ?? 0) / 1024);
      if (pgUrl) await analyzePostgres(dbWhere);
      result.startup = { runsFrom, healthMs, cpuMs: startCpuMs, busyAfterStartS: Number(busyS.toFixed(1)), rssMb };
      log(
        `huimin start-up (from its ${runsFrom}): /api/health answered 200 ${healthMs} ms after spawn (goal < 1,000 ms; ${startCpuMs ?? '?'} ms of CPU); start-up jobs kept it busy until ${busyS.toFixed(1)} s after that; RSS ${rssMb} MB`,
      );

      const admin = await login(huimin.port, meta.accounts.topAdmin, meta.accounts.password);
      const street = await login(huimin.port, meta.accounts.streetAdmin, meta.accounts.password);

      const controlTarget: Target = {
        id: 'control',
        part: 'control',
        label: 'control: Fastify hello',
        server: control,
        spec: { url: `http://127.0.0.1:${control.port}/hello` },
        duration: DURATION,
      };
      const endpoints = await endpointTargets({ parts, huimin, meta, admin, street });
      let latency: Latency[] = [];
      if (parts.has('supervision')) {
        const supervision = await supervisionTargets({ huimin, meta, admin, street });
        endpoints.push(...supervision.targets);
        latency = supervision.latency;
        result.supervisionLatency = latency;
      }
      if (parts.has('statistics')) {
        const statistics = await statisticsLatency({ huimin, meta, admin, street });
        latency = [...latency, ...statistics];
        result.statisticsLatency = statistics;
      }
      if (parts.has('evaluation')) {
        // Before the load, so that the records measurements' new rows are not part of the quarter's run.
        const evaluation = await evaluationPart({ huimin, meta, admin, street });
        result.evaluation = evaluation;
        if (!evaluation.ok) failed = true;
        await settle(huimin);
      }
      let verifyRecords: ((dbWhere: string) => Promise<RecordsCheck>) | null = null;
      if (parts.has('records')) {
        const records = await recordsTarget({ huimin, meta, engine, runDir, started });
        endpoints.push(records.target);
        verifyRecords = records.verify;
      }

      let measurements: Measurement[] = [];
      if (endpoints.length) {
        measurements = await measureAll(controlTarget, endpoints);
        const { summary, failed: someFailed } = reportLoad(
          engine,
          started,
          [controlTarget, ...endpoints],
          measurements,
        );
        result.summary = summary;
        if (someFailed) failed = true;
      }
      if (latency.length > 0) printLatency(latency);
      result.measurements = measurements;

      if (verifyRecords) {
        const recordsCheck = await verifyRecords(dbWhere);
        result.recordsCheck = recordsCheck;
        if (!recordsCheck.ok) failed = true;
      }

      if (parts.has('import')) {
        const { imp, good } = await importPart(huimin, street, meta, engine);
        result.import = imp;
        if (!good) failed = true;
      }
      if (parts.has('rollup-cost'))
        result.rollupCost = await rollupCostPart(meta, pgUrl ? { databaseUrl: dbWhere } : { sqliteFile: dbWhere });
    } finally {
      await cleanUp();
    }
  }

  if (parts.has('pageload')) {
    const pageload = await pageloadPart();
    result.pageload = pageload;
    if (!pageload.ok) failed = true;
  }

  if (parts.has('web')) printWeb(result.web as WebReport);
  if (parts.has('pageload')) printPageload((result.pageload as { pages: PageLoadResult[] }).pages);

  writeResults(result, started);
  const earlier = compareArg(process.argv.slice(2));
  if (earlier) printCompare(earlier, result);
  if (failed) process.exitCode = 1;
}

if (process.argv.includes('--help')) {
  // The usage is this file's opening comment.
  const text = readFileSync(import.meta.filename, 'utf8');
  const usage = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(text)?.[1] ?? '';
  console.log(usage.replace(/^ \*( |$)/gm, ''));
} else {
  const deadline = setTimeout(() => {
    console.error(`[bench] deadline of ${DEADLINE_MS / 1000} s reached: stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, DEADLINE_MS);
  deadline.unref();

  main()
    .catch((err: unknown) => {
      console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    })
    .finally(() => clearTimeout(deadline));
}
