/**
 * The load generator, run as its own process so that it never shares an event loop with a server:
 *
 *   node bench/load.ts '{"url":"http://127.0.0.1:1234/hello","connections":50,"duration":5}'
 *
 * Prints one line of JSON (a LoadResult) on stdout.
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  /** Mean of autocannon's per-second request counts (responses of any status). */
  reqPerSec: number;
  requests: number;
  durationS: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const result = await autocannon({
  url: spec.url,
  method: spec.method ?? 'GET',
  headers: spec.headers ?? {},
  ...(spec.body === undefined ? {} : { body: spec.body }),
  connections: spec.connections,
  duration: spec.duration,
  timeout: 30,
});
const out: LoadResult = {
  reqPerSec: result.requests.average,
  requests: result.requests.total,
  durationS: result.duration,
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, max: result.latency.max },
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
