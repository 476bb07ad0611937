// Each entry's first load: the JavaScript a browser fetches before the first render, in gzip and
// brotli bytes (the .br file the build wrote, as the server sends it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { log, repoDir } from '../settings.ts';

/** The first-load JavaScript of one HTML entry. */
export interface EntrySize {
  entry: string;
  how: string;
  files: Array<{ file: string; bytes: number; gzip: number; brotli: number }>;
  jsBytes: number;
  jsGzip: number;
  jsBrotli: number;
}

/** A file's raw, gzip (level 9) and brotli sizes; brotli from the build's .br copy when there is one. */
function sizesOf(webDir: string, f: string): { file: string; bytes: number; gzip: number; brotli: number } {
  const content = readFileSync(f);
  const brotli = existsSync(`${f}.br`)
    ? readFileSync(`${f}.br`).length
    : brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file: relative(webDir, f), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length, brotli };
}

/** An entry's size from its files. */
function entrySize(entry: string, how: string, files: EntrySize['files']): EntrySize {
  return {
    entry,
    how,
    files,
    jsBytes: files.reduce((s, f) => s + f.bytes, 0),
    jsGzip: files.reduce((s, f) => s + f.gzip, 0),
    jsBrotli: files.reduce((s, f) => s + f.brotli, 0),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** The JavaScript a browser fetches before the first render of an HTML entry: its module scripts, preloads and their static imports. */
function firstLoadJs(webDir: string, html: string, how: string): EntrySize {
  const text = readFileSync(html, 'utf8');
  const refs = new Set<string>();
  const toFile = (ref: string, from: string) => (ref.startsWith('/') ? join(webDir, ref) : resolve(dirname(from), ref));
  for (const m of text.matchAll(/<script[^>]*\bsrc="([^"]+\.m?js)"[^>]*>/g)) refs.add(toFile(m[1] as string, html));
  for (const m of text.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g))
    refs.add(toFile(m[1] as string, html));
  // Static imports between chunks (`import{a}from"./x.js"`, `import"./x.js"`); dynamic import("…") is left out.
  const queue = [...refs];
  while (queue.length) {
    const f = queue.pop() as string;
    if (!existsSync(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g,
    )) {
      const dep = toFile(m[1] as string, f);
      if (!refs.has(dep)) {
        refs.add(dep);
        queue.push(dep);
      }
    }
  }
  const files = [...refs].filter((f) => existsSync(f)).map((f) => sizesOf(webDir, f));
  return entrySize(relative(webDir, html), how, files);
}

/** A Vite build manifest (build.manifest): chunk key → output file, static imports, entry flag. */
type ViteManifest = Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[] }>;

/** First-load JavaScript of a Vite manifest entry: its file and its static imports, transitively. */
function firstLoadFromManifest(webDir: string, manifest: ViteManifest, key: string, how: string): EntrySize {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) visit(i);
  };
  visit(key);
  const files = [...seen].flatMap((k) => {
    const f = join(webDir, manifest[k]?.file ?? '');
    return existsSync(f) && f.endsWith('.js') ? [sizesOf(webDir, f)] : [];
  });
  return entrySize(key, how, files);
}

const RESIDENT = /resident|public|jumin|citizen/i;

/**
 * The resident-facing entry of the built web app (ARCHITECTURE: src/web/resident.html, served for
 * the public pages): an HTML file besides index.html, an entry of Vite's build manifest, or a web
 * app manifest whose start_url names such a page. The PWA manifest of the members' record book
 * (start_url /records) is not one: its pages are the staff console's.
 */
function residentEntry(webDir: string): { size: EntrySize } | { note: string } {
  if (!existsSync(webDir)) return { note: 'resident entry not built yet (no dist/web)' };
  const all = walk(webDir);
  const htmls = all.filter((f) => f.endsWith('.html') && relative(webDir, f) !== 'index.html');
  const html = htmls.find((f) => RESIDENT.test(relative(webDir, f))) ?? htmls[0];
  if (html) return { size: firstLoadJs(webDir, html, 'HTML entry besides index.html') };
  const vite = join(webDir, '.vite', 'manifest.json');
  if (existsSync(vite)) {
    const manifest = JSON.parse(readFileSync(vite, 'utf8')) as ViteManifest;
    const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry && RESIDENT.test(k));
    if (key) return { size: firstLoadFromManifest(webDir, manifest, key, 'entry of .vite/manifest.json') };
  }
  const notes: string[] = [];
  for (const f of all.filter(
    (x) => /\.webmanifest$|(^|\/)manifest\.json$/.test(x) && !x.includes(`${join('.vite', 'manifest.json')}`),
  )) {
    try {
      const start = (JSON.parse(readFileSync(f, 'utf8')) as { start_url?: string }).start_url ?? '/';
      const path = start.split(/[?#]/)[0] ?? '/';
      const candidate = path.endsWith('.html') ? join(webDir, path) : join(webDir, path, 'index.html');
      if (RESIDENT.test(path) && existsSync(candidate) && relative(webDir, candidate) !== 'index.html')
        return { size: firstLoadJs(webDir, candidate, `start_url of ${relative(webDir, f)}`) };
      notes.push(`${relative(webDir, f)} starts at ${start}, a staff page served by index.html`);
    } catch {
      // Not a manifest we can read.
    }
  }
  return {
    note: `resident entry not built yet (dist/web has only index.html${notes.length ? `; ${notes.join('; ')}` : ''})`,
  };
}

/** The first-load JavaScript of the staff console and the resident entry of the built web app. */
export function webReport(): { resident: EntrySize | null; staff: EntrySize | null; note: string } {
  const webDir = process.env.BENCH_WEB_DIR ? resolve(process.env.BENCH_WEB_DIR) : join(repoDir, 'dist', 'web');
  const index = join(webDir, 'index.html');
  const staff = existsSync(index) ? firstLoadJs(webDir, index, 'index.html') : null;
  const found = residentEntry(webDir);
  return 'size' in found ? { resident: found.size, staff, note: '' } : { resident: null, staff, note: found.note };
}

/** What webReport found. */
export type WebReport = ReturnType<typeof webReport>;

/** The progress lines at the start of a run: both entries' first loads. */
export function logWeb(web: WebReport): void {
  if (web.staff)
    log(
      `staff entry index.html: first-load JS ${(web.staff.jsGzip / 1024).toFixed(1)} KB gzip, ${(web.staff.jsBrotli / 1024).toFixed(1)} KB brotli (${(web.staff.jsBytes / 1024).toFixed(1)} KB raw, ${web.staff.files.length} files)`,
    );
  if (web.resident)
    log(
      `resident entry ${web.resident.entry} (${web.resident.how}): ${web.resident.files.map((f) => `${basename(f.file)} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
    );
}

/** Each entry's line in the report at the end of a run. */
export function printWeb(web: WebReport): void {
  const line = (name: string, e: EntrySize) =>
    `${name} ${e.entry} (${e.how}): first-load JS ${(e.jsGzip / 1024).toFixed(1)} KB gzip (level 9), ${(e.jsBrotli / 1024).toFixed(1)} KB brotli, ${(e.jsBytes / 1024).toFixed(1)} KB raw, ${e.files.length} files`;
  console.log('');
  if (web.staff) console.log(line('staff entry', web.staff));
  console.log(web.resident ? line('resident entry', web.resident) : web.note);
}
