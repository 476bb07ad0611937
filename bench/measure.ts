// Load: one measurement of a target by the autocannon worker (load.ts), and the interleaved rounds.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './load.ts';
import { cpuMs, threadState, track, watchRss, type Server } from './servers.ts';
import {
  benchDir,
  CONNECTIONS,
  log,
  MAX_SLOW_S,
  NEW_DURATION,
  repoDir,
  ROUNDS,
  WARMUP,
  type Part,
} from './settings.ts';

/** A load spec without the connections and duration the run fills in. */
export type TargetSpec = Omit<LoadSpec, 'connections' | 'duration'>;

/** What is measured: an endpoint (or the control) on a server, and how. */
export interface Target {
  id: string;
  part: Part | 'control';
  label: string;
  server: Server;
  spec: TargetSpec;
  /** Seconds per measurement (DURATION or NEW_DURATION). */
  duration: number;
  /** Connections for this target when not CONNECTIONS (sign-in: see the login target). */
  connections?: number;
  /** Adjusts the spec before each measurement (the records target: fresh keys, a count of requests). */
  prepare?: (round: number, duration: number) => Promise<TargetSpec>;
  /** Sees each measurement once it is done. */
  after?: (m: Measurement, spec: TargetSpec) => Promise<void>;
}

/** One measurement of one target. */
export interface Measurement extends LoadResult {
  target: string;
  round: number;
  /** Server CPU per response, µs (user + system of the server process, all threads). */
  serverCpuUsPerReq: number | null;
  /** Seconds the server stayed busy after the load stopped (a backlog of accepted requests). */
  settleS: number;
  /** The measurement's planned length, seconds. */
  plannedS: number;
  /** The server's largest resident set during the measurement, MB (VmHWM reset at its start, and 100 ms samples). */
  serverRssMaxMb: number | null;
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = track(
    spawn(process.execPath, [join(benchDir, 'load.ts'), JSON.stringify(spec)], {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const limitS = spec.amount ? spec.duration * 4 + 60 : spec.duration + 30;
  const timer = setTimeout(() => child.kill('SIGKILL'), limitS * 1000);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`load worker failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

/**
 * Waits until a server has worked off what the last measurement left queued (autocannon stops
 * sending, but requests already accepted are still being answered, up to one per connection; a slow
 * endpoint's backlog takes seconds): until its main thread sleeps (state S, waiting for events) in
 * at least 18 of 20 samples 10 ms apart, or 60 s. The thread's state, unlike its CPU use, does not
 * depend on how much CPU other processes leave it. Returns the seconds waited.
 */
export async function settle(server: Server, maxMs = 60_000): Promise<number> {
  const started = performance.now();
  const pid = server.child.pid;
  for (;;) {
    let sleeping = 0;
    for (let i = 0; i < 20; i++) {
      const state = threadState(pid);
      if (state === null) return (performance.now() - started) / 1000;
      if (state === 'S') sleeping++;
      await new Promise((r) => setTimeout(r, 10));
    }
    if (sleeping >= 18 || performance.now() - started > maxMs) break;
  }
  return (performance.now() - started) / 1000;
}

async function measure(t: Target, round: number, duration: number): Promise<Measurement> {
  if (t.server.child.exitCode !== null || t.server.child.signalCode !== null) {
    throw new Error(`${t.server.name} has died:\n${t.server.tail.join('\n')}`);
  }
  const spec = t.prepare ? await t.prepare(round, duration) : t.spec;
  const before = cpuMs(t.server.child.pid);
  const rss = watchRss(t.server.child.pid);
  const r = await runLoad({ ...spec, connections: t.connections ?? CONNECTIONS, duration });
  const after = cpuMs(t.server.child.pid);
  const serverRssMaxMb = rss.stop();
  const serverCpuUsPerReq =
    before !== null && after !== null && r.requests > 0 ? ((after - before) * 1000) / r.requests : null;
  // Work the server does after the load stops (answering requests already accepted) is not counted above.
  const settleS = t.part === 'control' ? 0 : await settle(t.server);
  const m = { ...r, target: t.id, round, plannedS: duration, serverCpuUsPerReq, settleS, serverRssMaxMb };
  await t.after?.(m, spec);
  return m;
}

/**
 * Warms every target up, then measures each endpoint ROUNDS times, each time right after a
 * control measurement (control, endpoint, control, endpoint, …).
 */
export async function measureAll(controlTarget: Target, endpoints: Target[]): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  const targets = [controlTarget, ...endpoints];
  // The control run before an endpoint lasts the endpoint's usual time (5 or 3 s), even when a slow endpoint's own runs are made longer.
  const controlDuration = new Map(endpoints.map((t) => [t.id, t.duration]));
  for (const t of targets) {
    log(`warm-up ${t.id}`);
    const m = await measure(t, 0, WARMUP);
    if (m.non2xx || m.errors)
      log(`warm-up ${t.id}: non-2xx ${m.non2xx} errors ${m.errors} ${JSON.stringify(m.statusCodes)}`);
    // An endpoint too slow to answer ~30 requests in its usual time (50 are queued at once) is measured for longer, up to MAX_SLOW_S.
    if (t.part !== 'control' && !t.prepare && t.duration === NEW_DURATION) {
      const rate = m.requests / WARMUP;
      const needed = rate > 0 ? Math.ceil(30 / rate) : MAX_SLOW_S;
      if (needed > t.duration) {
        t.duration = Math.min(MAX_SLOW_S, needed);
        log(`${t.id} answered ${m.requests} requests in the ${WARMUP} s warm-up: measuring it for ${t.duration} s`);
      }
    }
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of endpoints) {
      for (const target of [controlTarget, t]) {
        const d = target === controlTarget ? (controlDuration.get(t.id) ?? t.duration) : target.duration;
        const m = await measure(target, round, d);
        measurements.push(m);
        log(
          `round ${round} ${target.id.padEnd(15)} ${Math.round(m.reqPerSec).toString().padStart(6)} req/s  p50 ${m.latencyMs.p50} ms  p99 ${m.latencyMs.p99} ms${m.settleS > 0.5 ? `  (server busy ${m.settleS.toFixed(1)} s after the load stopped)` : ''}${m.non2xx || m.errors ? `  non-2xx ${m.non2xx} errors ${m.errors} ${JSON.stringify(m.statusCodes)}` : ''}`,
        );
      }
    }
  }
  return measurements;
}
