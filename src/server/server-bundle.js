// @ts-check
// Finds the server bundle (`npm run build` writes it to dist/server) when it was built from
// exactly the files on disk now. Loading one bundled file instead of some 600 modules halves the
// CPU of a start; a bundle of older sources must never run, so every file that went into it is
// checked (a package by its package.json, which every install rewrites): size and modification time, and where only the time differs (a copy, a checkout that
// rewrote an unchanged file) its content hash. Plain JavaScript because start.js runs it before
// Node's TypeScript support or the compile cache is loaded.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the bundle and its manifest live, relative to the checkout's root. */
export const BUNDLE_DIR = join('dist', 'server');
export const MANIFEST = 'manifest.json';

/**
 * One input of the bundle: its path relative to the root, size in bytes, modification time in
 * whole milliseconds and SHA-1 of its content.
 * @typedef {[path: string, size: number, mtimeMs: number, sha1: string]} BundleInput
 * @typedef {{ bundle: string, inputs: BundleInput[] }} BundleManifest
 */

/** @param {Buffer} bytes */
export const sha1 = (bytes) => createHash('sha1').update(bytes).digest('hex');

/**
 * @param {string} root the checkout's root
 * @returns {{ file: string } | { stale: string } | null} the bundle's path; or the first input that
 *   changed since it was built; or null when there is no bundle (never built, or built elsewhere).
 */
export function findServerBundle(root) {
  /** @type {BundleManifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, BUNDLE_DIR, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  const base = root.endsWith('/') ? root : `${root}/`;
  for (const [path, size, mtimeMs, hash] of manifest.inputs) {
    const file = base + path;
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined || stat.size !== size) return { stale: path };
    if (Math.trunc(stat.mtimeMs) !== mtimeMs && sha1(readFileSync(file)) !== hash) return { stale: path };
  }
  return { file: join(root, BUNDLE_DIR, manifest.bundle) };
}
