import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', 'dist', 'web');

/**
 * The JavaScript a browser fetches before the page can run: the entry script of an HTML file
 * and every module it preloads (Vite lists the entry's static imports as modulepreload links).
 */
function firstLoad(html: string): { files: string[]; bytes: number; gzip: number } {
  const page = readFileSync(join(dist, html), 'utf8');
  const files = [
    ...page.matchAll(/<script type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const code = readFileSync(join(dist, file));
    bytes += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  return { files, bytes, gzip };
}

/**
 * What the console loads once someone has signed in: the boot chunk (the login page imports it
 * only then) and every module it imports statically, transitively; dynamic imports left out.
 */
function consoleAfterSignIn(loaded: readonly string[]): { files: string[]; gzip: number } {
  const boot = readdirSync(join(dist, 'assets')).find((f) => /^boot-[\w-]+\.js$/.test(f));
  if (!boot) throw new Error('no boot chunk in dist/web/assets');
  // Modules the login page already loaded are not fetched again.
  const already = new Set(loaded.map((f) => f.split('/').at(-1) ?? f));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, 'assets', file), 'utf8');
    for (const m of code.matchAll(/import\s*(?:[\w$*{}\s,]+from\s*)?"\.\/([\w.-]+\.js)"/g)) visit(m[1] ?? '');
  };
  visit(boot);
  let gzip = 0;
  for (const file of [...seen].filter((f) => !already.has(f)))
    gzip += gzipSync(readFileSync(join(dist, 'assets', file)), { level: 9 }).length;
  return { files: [...seen].filter((f) => !already.has(f)), gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe('the resident pages load light (built dist/web)', () => {
  it('resident.html loads no console code and a fraction of what the console loads', () => {
    const resident = firstLoad('resident.html');
    const console_ = firstLoad('index.html');
    // The console's first load is now its light login page; the console proper comes after.
    const signedIn = consoleAfterSignIn(console_.files);
    // Printed for the report and the bench notes: first-load JavaScript, gzip -9.
    process.stdout.write(
      `first-load JS (gzip): resident ${kb(resident.gzip)} (${kb(resident.bytes)} raw, ${resident.files.length} files); console ${kb(console_.gzip)} (${kb(console_.bytes)} raw, ${console_.files.length} files), then ${kb(signedIn.gzip)} after sign-in (${signedIn.files.length} files)\n`,
    );

    const code = resident.files.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    // antd's class prefix and the console's dictionary would show that console code leaked in.
    expect(code).not.toMatch(/ant-btn|ant-layout|ant-table/);
    expect(code).not.toContain('nav.accounts');
    // React and react-dom are most of it; the budget leaves room for the pages to grow.
    expect(resident.gzip).toBeLessThan(100 * 1024);
    expect(resident.gzip).toBeLessThan((console_.gzip + signedIn.gzip) / 2);
  });
});
