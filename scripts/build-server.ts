// `npm run build` (after the web app): bundles the server into dist/server (one file for the
// start, chunks for what it loads on first use) with a manifest of every file that went into it,
// so start.js runs the bundle only while it matches the sources on disk
// (src/server/server-bundle.js). One file to read and compile (from Node's compile cache) instead
// of some 600 module resolutions, reads and links: on the bench province the first 200 of
// /api/health came 539 ms after spawn (670 ms of CPU), against 1.1-1.4 s of CPU from the sources.
//
//   node scripts/build-server.ts             build
//   node scripts/build-server.ts --if-stale  build only when there is no current bundle
//
// rolldown is the bundler Vite already uses for the web app, so it adds no new code to trust.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { builtinModules } from 'node:module';
import { rolldown, type Plugin } from 'rolldown';
import { BUNDLE_DIR, MANIFEST, findServerBundle, sha1, type BundleInput } from '../src/server/server-bundle.js';

const root = realpathSync(join(import.meta.dirname, '..'));
// node_modules may be a link (a copied checkout shares the original's); modules resolve to their
// real paths, which are named here by their place in this checkout.
const modulesDir = realpathSync(join(root, 'node_modules'));

/** A module's path relative to the root ('src/…', 'node_modules/…'), or null when outside. */
function placeOf(id: string): string | null {
  const rel = id.startsWith(modulesDir + sep)
    ? join('node_modules', id.slice(modulesDir.length + 1))
    : id.startsWith(root + sep)
      ? relative(root, id)
      : null;
  return rel === null ? null : rel.split(sep).join('/');
}

// Packages left to Node at run time: native code or WebAssembly beside their JavaScript, a
// browser driver, and the libraries the server loads only on first use (heavy-modules.ts), which
// bundling would make every start parse. pg is needed only with DATABASE_URL.
const external = new Set([
  'sharp',
  'pg',
  'pg-native',
  'playwright-core',
  'exceljs',
  'docx',
  'pdfkit',
  'jieba-wasm',
  ...builtinModules,
]);
const isExternal = (id: string) =>
  id.startsWith('node:') ||
  external.has(id) ||
  external.has(
    id
      .split('/')
      .slice(0, id.startsWith('@') ? 2 : 1)
      .join('/'),
  );

// Code that finds files next to itself (`import.meta.dirname`, a CommonJS `__dirname`: the
// password list, map assets, @fastify/static's and swagger-ui's files) would look next to the
// bundle instead. Each such reference becomes its module's original place, relative to the
// checkout's root, so a copied or moved checkout keeps working.
const HELPERS =
  "import { fileURLToPath as __hmPath, pathToFileURL as __hmUrlOf } from 'node:url';" +
  "import { join as __hmJoin } from 'node:path';" +
  "const __hmRoot = __hmJoin(__hmPath(import.meta.url), '..', '..', '..');" +
  'const __hmAt = (p) => __hmJoin(__hmRoot, p);' +
  'const __hmUrl = (p) => __hmUrlOf(__hmAt(p)).href;';

const buildInfo = join(root, 'src', 'server', 'build-info.ts');

const sourcePlaces: Plugin = {
  name: 'source-places',
  transform(code, id) {
    if (id === buildInfo) return { code: "export const RUNS_FROM = 'bundle';" };
    const file = placeOf(id);
    if (file === null || !/import\.meta\.|__dirname|__filename/.test(code)) return null;
    const dir = JSON.stringify(dirname(file));
    let out = code
      .replaceAll('import.meta.dirname', `__hmAt(${dir})`)
      .replaceAll('import.meta.filename', `__hmAt(${JSON.stringify(file)})`)
      .replaceAll('import.meta.url', `__hmUrl(${JSON.stringify(file)})`);
    // A module that declares its own __dirname (an ESM shim) keeps it.
    if (!/\b(?:const|let|var)\s+__dirname\b/.test(out)) out = out.replace(/(?<![.\w$])__dirname\b/g, `__hmAt(${dir})`);
    if (!/\b(?:const|let|var)\s+__filename\b/.test(out))
      out = out.replace(/(?<![.\w$])__filename\b/g, `__hmAt(${JSON.stringify(file)})`);
    return out === code ? null : { code: out };
  },
};

/**
 * What the manifest checks for a module: a source file itself; for a package's file, the
 * package's package.json, which every install or upgrade of it rewrites (fewer files to look at
 * on every start: about 500 instead of 1,400).
 */
function inputOf(place: string): string {
  const at = place.lastIndexOf('node_modules/');
  if (at < 0) return place;
  const parts = place.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1);
  return `${place.slice(0, at)}node_modules/${name.join('/')}/package.json`;
}

/** How long files of earlier builds stay: a server started from one may still load its lazy parts. */
const KEEP_EARLIER_BUILDS_MS = 7 * 24 * 3600_000;

export async function buildServer(): Promise<{ ms: number; bytes: number; inputs: number }> {
  const started = performance.now();
  const bundle = await rolldown({
    input: join(root, 'src', 'server', 'serve.ts'),
    platform: 'node',
    external: isExternal,
    plugins: [sourcePlaces],
    logLevel: 'warn',
    // @fastify/static is imported both ways (swagger-ui imports it too): it simply stays in the start.
    onLog: (level, log, handler) => (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' ? undefined : handler(level, log)),
  });
  const outDir = join(root, BUNDLE_DIR);
  mkdirSync(outDir, { recursive: true });
  // What the server imports on first use stays in chunks of its own, loaded then (documents,
  // exports, the demo data). Every file is named by its content's hash and never overwritten, so
  // a build while a server runs cannot change a chunk that server has yet to load.
  const { output } = await bundle.generate({
    format: 'esm',
    banner: HELPERS,
    entryFileNames: 'server-[hash].mjs',
    chunkFileNames: '[name]-[hash].mjs',
  });
  await bundle.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('the build has no entry');
  const places = new Set<string>(['scripts/build-server.ts']);
  for (const c of chunks)
    for (const id of c.moduleIds) {
      const place = placeOf(id);
      if (place !== null) places.add(inputOf(place));
    }
  const inputs: BundleInput[] = [...places].map((place) => {
    const file = join(root, place);
    const stat = statSync(file);
    return [place, stat.size, Math.trunc(stat.mtimeMs), sha1(readFileSync(file))];
  });
  const tmp = `.${process.pid}`;
  let bytes = 0;
  for (const c of chunks) {
    bytes += Buffer.byteLength(c.code);
    if (existsSync(join(outDir, c.fileName))) continue;
    writeFileSync(join(outDir, c.fileName + tmp), c.code);
    renameSync(join(outDir, c.fileName + tmp), join(outDir, c.fileName));
  }
  // The manifest last, renamed over the old one: a server starting meanwhile reads the old or the new.
  writeFileSync(join(outDir, MANIFEST + tmp), JSON.stringify({ bundle: entry.fileName, inputs }));
  renameSync(join(outDir, MANIFEST + tmp), join(outDir, MANIFEST));
  const current = new Set([MANIFEST, ...chunks.map((c) => c.fileName)]);
  for (const name of readdirSync(outDir)) {
    const file = join(outDir, name);
    if (!current.has(name) && Date.now() - statSync(file).mtimeMs > KEEP_EARLIER_BUILDS_MS)
      rmSync(file, { force: true });
  }
  return { ms: Math.round(performance.now() - started), bytes, inputs: inputs.length };
}

if (import.meta.filename === process.argv[1]) {
  const current = findServerBundle(root);
  if (process.argv.includes('--if-stale') && current && 'file' in current) {
    console.log('server bundle is current');
  } else {
    const { ms, bytes, inputs } = await buildServer();
    console.log(`server bundle: ${(bytes / 1e6).toFixed(1)} MB from ${inputs} files in ${ms} ms (${BUNDLE_DIR})`);
  }
}
