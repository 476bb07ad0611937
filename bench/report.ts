// Figures: the summary of the measurements, the table printed, and the results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement, Target } from './measure.ts';
import { CONNECTIONS, DURATION, log, MAX_SLOW_S, NEW_DURATION, resultsDir, ROUNDS } from './settings.ts';

/** The median of a list; NaN when it is empty. */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** One target's figures over its rounds. */
export interface Summary {
  target: string;
  label: string;
  runs: number;
  /** Seconds per measurement: one figure, or a range for the control (as long as the endpoint after it). */
  durationS: string;
  reqPerSec: { median: number; min: number; max: number };
  latencyMs: { p50: number; p99: number };
  /** Median req/s over the control's median req/s in this run. */
  ratioToControl: number;
  /** Median over rounds of (this measurement ÷ the control measurement right before it): less sensitive to drift. */
  pairedRatio: number | null;
  serverCpuUsPerReq: number | null;
  /** The server's largest resident set over the target's measurements, MB. */
  serverRssMaxMb: number | null;
  non2xx: number;
  errors: number;
}

function summarise(targets: Target[], ms: Measurement[]): Summary[] {
  const control = ms.filter((m) => m.target === 'control');
  const controlMedian = median(control.map((m) => m.reqPerSec));
  return targets.map((t) => {
    const mine = ms.filter((m) => m.target === t.id);
    const rps = mine.map((m) => m.reqPerSec);
    const paired =
      t.id === 'control'
        ? null
        : median(
            mine.flatMap((m) => {
              const i = ms.indexOf(m);
              const prev = ms[i - 1];
              return prev && prev.target === 'control' ? [m.reqPerSec / prev.reqPerSec] : [];
            }),
          );
    const cpu = mine.map((m) => m.serverCpuUsPerReq).filter((x): x is number => x !== null);
    return {
      target: t.id,
      label: t.label,
      runs: mine.length,
      durationS: (() => {
        const ds = mine.map((m) => m.plannedS);
        const lo = Math.min(...ds);
        const hi = Math.max(...ds);
        return lo === hi ? String(lo) : `${lo}–${hi}`;
      })(),
      reqPerSec: { median: median(rps), min: Math.min(...rps), max: Math.max(...rps) },
      latencyMs: { p50: median(mine.map((m) => m.latencyMs.p50)), p99: median(mine.map((m) => m.latencyMs.p99)) },
      ratioToControl: median(rps) / controlMedian,
      pairedRatio: paired,
      serverCpuUsPerReq: cpu.length ? median(cpu) : null,
      serverRssMaxMb: (() => {
        const rss = mine.map((m) => m.serverRssMaxMb).filter((x): x is number => typeof x === 'number');
        return rss.length ? Math.max(...rss) : null;
      })(),
      non2xx: mine.reduce((n, m) => n + m.non2xx, 0),
      errors: mine.reduce((n, m) => n + m.errors, 0),
    };
  });
}

function table(rows: Summary[]): string {
  const head = [
    'endpoint',
    'runs×s',
    'req/s median',
    'min–max',
    'p50 ms',
    'p99 ms',
    '× control',
    'paired ×',
    'srv CPU µs/req',
    'srv RSS MB',
    'non-2xx/err',
  ];
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const body = rows.map((r) => [
    r.label,
    `${r.runs}×${r.durationS}`,
    fmt(r.reqPerSec.median),
    `${fmt(r.reqPerSec.min)}–${fmt(r.reqPerSec.max)}`,
    String(r.latencyMs.p50),
    String(r.latencyMs.p99),
    r.ratioToControl.toFixed(3),
    r.pairedRatio === null ? '' : r.pairedRatio.toFixed(3),
    r.serverCpuUsPerReq === null ? '' : Math.round(r.serverCpuUsPerReq).toLocaleString('en-US'),
    r.serverRssMaxMb === null ? '' : String(r.serverRssMaxMb),
    `${r.non2xx}/${r.errors}`,
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: string[]) =>
    `| ${row.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Prints the table of the load measurements; returns the summary and whether any response failed. */
export function reportLoad(
  engine: string,
  started: Date,
  targets: Target[],
  measurements: Measurement[],
): { summary: Summary[]; failed: boolean } {
  const summary = summarise(targets, measurements);
  console.log(
    `\nHuimin bench — ${engine}, ${started.toISOString()}, ${CONNECTIONS} connections, ${ROUNDS} rounds; ${DURATION} s per measurement for the org-unit and login endpoints, ${NEW_DURATION} s for registry, coverage, nearest and records ` +
      `(shorter, to keep a full run under 8 minutes; endpoints too slow to answer ~30 requests in that time up to ${MAX_SLOW_S} s: see runs×s; records send a fixed number of requests, about ${NEW_DURATION} s' worth)\n`,
  );
  console.log(table(summary));
  console.log(
    '\n× control: median req/s ÷ control median in this run; paired ×: median of (measurement ÷ the control run just before it).',
  );
  const bad = summary.filter((x) => x.non2xx > 0 || x.errors > 0);
  if (bad.length > 0) {
    console.error(
      `[bench] some responses failed (${bad.map((x) => x.target).join(', ')}): the figures above are not trustworthy`,
    );
  }
  return { summary, failed: bad.length > 0 };
}

/** Writes the run's results to bench/results/<start>.json and latest.json. */
export function writeResults(result: Record<string, unknown>, started: Date): void {
  result.finishedAt = new Date().toISOString();
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${started.toISOString().replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(
    `results written to ${file} and bench/results/latest.json (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s in all)`,
  );
}
