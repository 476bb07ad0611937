/**
 * The load generator, run as its own process so that it never shares an event loop with a server:
 *
 *   node bench/load.ts '{"url":"http://127.0.0.1:1234/hello","connections":50,"duration":5}'
 *
 * Prints one line of JSON (a LoadResult) on stdout.
 *
 * Beyond one URL: `paths` makes every connection request several paths in turn (e.g. positions
 * spread over the province); `amount` runs until that many responses instead of for `duration`
 * (autocannon then sends no request it does not wait for, so a write count can be checked exactly);
 * `uniqueHeader` gives every request a fresh header value (`<prefix>-<n>`, e.g. an Idempotency-Key)
 * and writes the values answered with a 2xx to `ackFile`, one per line.
 */
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths (with query) each connection requests in turn, instead of the URL's path alone. */
  paths?: string[];
  /** Stop after this many responses rather than after `duration`. */
  amount?: number;
  uniqueHeader?: { name: string; prefix: string; ackFile: string };
  connections: number;
  /** Seconds (with `amount`: only what the runner expects, for its time limit). */
  duration: number;
}

export interface LoadResult {
  /** Mean of autocannon's per-second request counts (responses of any status); with `amount`, responses ÷ duration. */
  reqPerSec: number;
  requests: number;
  /** Requests sent (more than `requests` when the run was cut off with requests in flight). */
  sent: number;
  durationS: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  non2xx: number;
  ok2xx: number;
  /** Responses by status code. */
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const acked: string[] = [];
let issued = 0;
const unique = spec.uniqueHeader;

type Request = autocannon.Request;
// With `amount`, autocannon ends a run only at its next one-second tick, so its duration is the
// run's rounded up to whole seconds (8,650 answers in "3.02 s" may have taken 2.1 s): the rate is
// taken from our own clock instead, from the start to the last answer.
let lastAnswer = 0;
const perRequest = (path?: string): Request => {
  const req: Request = path === undefined ? {} : { path };
  if (spec.amount) req.onResponse = () => void (lastAnswer = performance.now());
  if (unique) {
    req.setupRequest = (r, context) => {
      const value = `${unique.prefix}-${++issued}`;
      (context as { key?: string }).key = value;
      return { ...r, headers: { ...r.headers, [unique.name]: value } };
    };
    req.onResponse = (status, _body, context) => {
      lastAnswer = performance.now();
      const key = (context as { key?: string }).key;
      if (status >= 200 && status < 300 && key) acked.push(key);
    };
  }
  return req;
};
const requests = spec.paths ? spec.paths.map((p) => perRequest(p)) : unique || spec.amount ? [perRequest()] : undefined;

const started = performance.now();
const result = await autocannon({
  url: spec.url,
  method: spec.method ?? 'GET',
  headers: spec.headers ?? {},
  ...(spec.body === undefined ? {} : { body: spec.body }),
  ...(requests ? { requests } : {}),
  ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration }),
  connections: spec.connections,
  timeout: 30,
});
const answeredS = Math.max(lastAnswer - started, 1) / 1000;
if (unique) writeFileSync(unique.ackFile, acked.length ? `${acked.join('\n')}\n` : '');
const statusCodes: Record<string, number> = {};
for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = s.count ?? 0;
const out: LoadResult = {
  reqPerSec: spec.amount ? result.requests.total / answeredS : result.requests.average,
  requests: result.requests.total,
  sent: result.requests.sent,
  durationS: spec.amount ? answeredS : result.duration,
  latencyMs: {
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    max: result.latency.max,
  },
  non2xx: result.non2xx,
  ok2xx: result['2xx'],
  statusCodes,
  errors: result.errors,
  timeouts: result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
