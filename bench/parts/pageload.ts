// What a person on a slow phone feels: the first paint of the login page and of resident pages,
// from a cold cache, over a throttled network with a throttled CPU (Chromium's DevTools protocol).
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { startServer } from '../../e2e/fixtures/server.ts';
import { median } from '../report.ts';
import { log } from '../settings.ts';

/** The connection of a cheap phone on a poor cellular link, and its slower CPU. */
export const THROTTLE = { kbps: 400, rttMs: 400, cpuSlowdown: 4 } as const;
const RUNS = Math.max(1, Number(process.env.BENCH_PAGELOAD_RUNS ?? 3) || 3);

/** A page to load, what shows it is usable, and the first paint it should beat. */
interface PageSpec {
  name: string;
  path: string;
  /** A selector that is in the page once its content is there (not the empty shell). */
  ready: string;
  goalMs: number;
  viewport: { width: number; height: number };
}

/** One cold load: first contentful paint, content shown, and what crossed the network. */
export interface LoadRun {
  fcpMs: number;
  readyMs: number;
  requests: number;
  transferredBytes: number;
  jsTransferredBytes: number;
  jsEncodings: string[];
}

/** One page's figures over its runs. */
export interface PageLoadResult {
  name: string;
  path: string;
  goalMs: number;
  runs: LoadRun[];
  fcpMedianMs: number;
  readyMedianMs: number;
  ok: boolean;
}

const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 800 };

/** Opens `path` once in a fresh context (empty cache, no service worker) under the throttle. */
async function loadOnce(browser: Browser, base: string, spec: PageSpec): Promise<LoadRun> {
  const context = await browser.newContext({ viewport: spec.viewport, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (THROTTLE.kbps * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.rttMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
    const kinds = new Map<string, { type: string; encoding: string }>();
    const run = { requests: 0, transferredBytes: 0, jsTransferredBytes: 0, jsEncodings: new Set<string>() };
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      kinds.set(e.requestId, { type: e.type, encoding: String(headers['content-encoding'] ?? 'identity') });
    });
    cdp.on('Network.loadingFinished', (e) => {
      run.requests += 1;
      run.transferredBytes += e.encodedDataLength;
      const kind = kinds.get(e.requestId);
      if (kind?.type === 'Script') {
        run.jsTransferredBytes += e.encodedDataLength;
        run.jsEncodings.add(kind.encoding);
      }
    });
    await page.goto(base + spec.path, { waitUntil: 'commit', timeout: 120_000 });
    // performance.now() when the content is first there, polled every frame inside the page.
    const readyMs = Number(
      await (
        await page.waitForFunction((sel) => document.querySelector(sel) !== null && performance.now(), spec.ready, {
          polling: 'raf',
          timeout: 120_000,
        })
      ).jsonValue(),
    );
    const fcpMs = Number(
      await (
        await page.waitForFunction(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false,
          undefined,
          { timeout: 60_000 },
        )
      ).jsonValue(),
    );
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    return { ...run, jsEncodings: [...run.jsEncodings], fcpMs, readyMs };
  } finally {
    await context.close();
  }
}

/** The id of a demo studio, as a resident's search finds it. */
async function aStudioId(base: string): Promise<number> {
  const res = await fetch(`${base}/api/public/studios?q=${encodeURIComponent('婉珍')}`);
  const [studio] = (await res.json()) as Array<{ id: number }>;
  if (!studio) throw new Error('pageload: the demo data has no studio 婉珍…');
  return studio.id;
}

/** Loads the login page and two resident pages RUNS times each, cold, on the built web app (dist/web). */
export async function pageloadPart(): Promise<{ pages: PageLoadResult[]; ok: boolean }> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const studio = await aStudioId(server.url);
    const specs: PageSpec[] = [
      { name: 'login', path: '/login', ready: 'form#login button[type=submit]', goalMs: 5000, viewport: desk },
      { name: 'resident home', path: '/', ready: 'main h1', goalMs: 3000, viewport: phone },
      { name: 'resident studio', path: `/s/${studio}`, ready: 'main h1', goalMs: 3000, viewport: phone },
    ];
    const pages: PageLoadResult[] = [];
    for (const spec of specs) {
      const runs: LoadRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, server.url, spec));
      const fcpMedianMs = median(runs.map((r) => r.fcpMs));
      const result = {
        ...spec,
        runs,
        fcpMedianMs,
        readyMedianMs: median(runs.map((r) => r.readyMs)),
        ok: fcpMedianMs < spec.goalMs,
      };
      pages.push(result);
      log(
        `pageload ${spec.name} ${spec.path}: first contentful paint ${ms(fcpMedianMs)}, content ${ms(result.readyMedianMs)} (median of ${RUNS}; goal < ${ms(spec.goalMs)}), JS over the wire ${kb(runs[0]?.jsTransferredBytes ?? 0)} (${runs[0]?.jsEncodings.join('/')})`,
      );
    }
    return { pages, ok: pages.every((p) => p.ok) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;

/** The table at the end of a run. */
export function printPageload(pages: PageLoadResult[]): void {
  console.log(
    `\npage load, cold cache, ${THROTTLE.kbps} kbps / ${THROTTLE.rttMs} ms RTT / ${THROTTLE.cpuSlowdown}× CPU slowdown (median of ${RUNS}):`,
  );
  for (const p of pages) {
    const first = p.runs[0];
    console.log(
      `  ${p.ok ? 'ok  ' : 'SLOW'} ${p.name.padEnd(16)} ${p.path.padEnd(8)} FCP ${ms(p.fcpMedianMs).padStart(8)} (goal < ${ms(p.goalMs)})  content ${ms(p.readyMedianMs).padStart(8)}  ${first?.requests ?? 0} requests, ${kb(first?.transferredBytes ?? 0)} transferred, JS ${kb(first?.jsTransferredBytes ?? 0)}`,
    );
  }
}
