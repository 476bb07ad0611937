import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { fontPath, type FontWeight } from './document-fonts.ts';

// HTML documents printed to PDF by Chromium, so Chinese is broken into lines by a real
// layout engine (line-break: strict keeps 。、 off the start of a line) and the same HTML
// serves the print view and the file. The open font (Noto Serif SC, SIL OFL, from npm) is
// named in the page as a local file, never fetched from the network or taken from the
// system; Chromium embeds the subset the page uses. The page is a file of its own so it may
// load the font file (a page set from a string may not), and nothing else is let through.

const weights: Record<FontWeight, number> = { regular: 400, bold: 700 };
const fontUrls = (Object.keys(weights) as FontWeight[]).map((w) => ({
  weight: weights[w],
  url: pathToFileURL(fontPath(w)).href,
}));

/** @font-face rules naming the embedded open font "Noto Serif SC", as the documents' stacks do. */
export const openFontFaces = fontUrls
  .map(
    (f) =>
      `@font-face { font-family: "Noto Serif SC"; font-weight: ${f.weight}; src: url("${f.url}") format("truetype"); }`,
  )
  .join('\n');

/** How long an idle browser is kept for the next document before it is closed. */
const IDLE_MS = 30_000;
let shared: { path: string; browser: Promise<Browser>; users: number; timer?: NodeJS.Timeout } | undefined;

/** The process's browser, launched on first use and closed once idle, so a run of exports pays one start. */
async function useBrowser<T>(chromiumPath: string, work: (b: Browser) => Promise<T>): Promise<T> {
  if (!shared || shared.path !== chromiumPath) {
    // playwright-core is loaded on the first document, not at start: it is about 15 % of the
    // server's start-up time (issue 14, item 10), and most processes never print a PDF.
    const launching = import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'],
      }),
    );
    shared = { path: chromiumPath, browser: launching, users: 0 };
    launching.then(
      (b) => b.on('disconnected', () => shared?.browser === launching && (shared = undefined)),
      () => shared?.browser === launching && (shared = undefined),
    );
  }
  const mine = shared;
  clearTimeout(mine.timer);
  mine.users += 1;
  try {
    return await work(await mine.browser);
  } finally {
    mine.users -= 1;
    if (mine.users === 0) {
      mine.timer = setTimeout(() => {
        if (shared === mine) shared = undefined;
        void mine.browser.then((b) => b.close()).catch(() => undefined);
      }, IDLE_MS);
      mine.timer.unref();
    }
  }
}

/**
 * Prints a complete HTML document (its own `@page` rule sets the paper) to PDF with the open
 * font embedded. Scripts are off, and every request but the page and its fonts is refused.
 */
export async function htmlToPdf(html: string, o: { chromiumPath: string }): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'huimin-pdf-'));
  const page = join(dir, 'document.html');
  await writeFile(page, html.replace('<style>', `<style>\n${openFontFaces}\n`));
  const pageUrl = pathToFileURL(page).href;
  const allowed = new Set([pageUrl, ...fontUrls.map((f) => f.url)]);
  try {
    return await useBrowser(o.chromiumPath, async (browser) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const tab = await context.newPage();
        await tab.route('**/*', (route) =>
          allowed.has(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
        );
        await tab.goto(pageUrl, { waitUntil: 'load' });
        return await tab.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
      } finally {
        await context.close();
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Closes the shared browser now (the app's shutdown), if one is running. */
export async function closePdfBrowser(): Promise<void> {
  const mine = shared;
  shared = undefined;
  if (!mine) return;
  clearTimeout(mine.timer);
  await mine.browser.then((b) => b.close()).catch(() => undefined);
}
