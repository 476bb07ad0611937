/**
 * Each figure of a bench run beside an earlier run's, so that a change's effect is one command:
 *
 *   npm run bench -- --only=records --compare bench/results/before.json   # run, then compare
 *   node bench/compare.ts before.json after.json                          # two results files
 *
 * Per endpoint: × control, srv CPU µs/req, p50 and p99, req/s and the server's largest RSS; then
 * the start-up, the records check and the import's figures. "→" reads earlier → now; the last
 * column is now ÷ earlier for the figure that matters most for it (× control).
 */
import { readFileSync } from 'node:fs';
import type { Summary } from './report.ts';

type Results = Record<string, unknown> & { summary?: Summary[]; startedAt?: string; engine?: string };

/** `--compare <file>` or `--compare=<file>`: the earlier results to compare with, read; null when absent. */
export function compareArg(argv: string[]): Results | null {
  let file: string | undefined;
  argv.forEach((a, i) => {
    if (a.startsWith('--compare=')) file = a.slice('--compare='.length);
    else if (a === '--compare') file = argv[i + 1];
  });
  return file ? readResults(file) : null;
}

function readResults(file: string): Results {
  return JSON.parse(readFileSync(file, 'utf8')) as Results;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const fmt = (x: number | null, digits = 0) =>
  x === null ? '–' : digits > 0 ? x.toFixed(digits) : Math.round(x).toLocaleString('en-US');
const pair = (a: number | null, b: number | null, digits = 0) => `${fmt(a, digits)} → ${fmt(b, digits)}`;
const times = (a: number | null, b: number | null) => (a && b !== null ? `${(b / a).toFixed(2)}×` : '');
const at = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Prints the later run's figures beside the earlier's. */
export function printCompare(earlier: Results, later: Results): void {
  console.log(
    `\ncompared with ${earlier.startedAt ?? '?'} (${earlier.engine ?? '?'}) — earlier → now (${later.startedAt ?? '?'}, ${later.engine ?? '?'}); load at start ${fmt(num(at(earlier, 'machine', 'loadavgAtStart', '0')), 2)} → ${fmt(num(at(later, 'machine', 'loadavgAtStart', '0')), 2)}\n`,
  );
  const before = new Map((earlier.summary ?? []).map((s) => [s.target, s]));
  const rows = (later.summary ?? []).map((s) => {
    const b = before.get(s.target);
    return [
      s.label,
      pair(b?.ratioToControl ?? null, s.ratioToControl, 3),
      times(b?.ratioToControl ?? null, s.ratioToControl),
      pair(b?.serverCpuUsPerReq ?? null, s.serverCpuUsPerReq),
      pair(b?.latencyMs.p50 ?? null, s.latencyMs.p50),
      pair(b?.latencyMs.p99 ?? null, s.latencyMs.p99),
      pair(b?.reqPerSec.median ?? null, s.reqPerSec.median),
      pair(b?.serverRssMaxMb ?? null, s.serverRssMaxMb ?? null),
    ];
  });
  if (rows.length)
    console.log(
      table(
        ['endpoint', '× control', 'change', 'srv CPU µs/req', 'p50 ms', 'p99 ms', 'req/s median', 'srv RSS MB'],
        rows,
      ),
    );
  const lines: string[] = [];
  const fig = (label: string, ...path: string[]) => {
    const a = num(at(earlier, ...path));
    const b = num(at(later, ...path));
    if (a !== null || b !== null) lines.push(`${label}: ${pair(a, b, Number.isInteger(a ?? b ?? 0) ? 0 : 1)}`);
  };
  fig('start-up, ms to the first 200 of /api/health', 'startup', 'healthMs');
  fig('start-up, CPU ms until then', 'startup', 'cpuMs');
  fig('start-up jobs busy, s', 'startup', 'busyAfterStartS');
  fig('RSS after start-up, MB', 'startup', 'rssMb');
  fig('records check, 2xx answers', 'recordsCheck', 'ok2xx');
  for (const phase of ['dryRun', 'commit']) {
    fig(`import ${phase}, s`, 'import', phase, 'seconds');
    fig(`import ${phase}, peak RSS MB`, 'import', phase, 'peakRssMb');
    fig(`import ${phase}, /api/health median ms`, 'import', phase, 'healthMs', 'median');
    fig(`import ${phase}, /api/health max ms`, 'import', phase, 'healthMs', 'max');
  }
  if (lines.length) console.log(`\n${lines.join('\n')}`);
}

if (import.meta.main) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error('usage: node bench/compare.ts <earlier results.json> <later results.json>');
    process.exitCode = 2;
  } else printCompare(readResults(a), readResults(b));
}
