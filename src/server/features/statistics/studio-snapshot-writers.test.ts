import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The dashboard's studio figures come from a snapshot each instance holds in memory
// (studio-snapshot.repository.ts), refreshed only when `studios.version` moves. A writer of the
// tables it holds that forgot to bump that row would leave every instance's figures stale with
// no test of figures noticing unless it happened to cover that writer: so every source file that
// writes one of those tables must bump the version. Seeds and migrations run before any
// snapshot is read.

const root = join(import.meta.dirname, '../../../..');
// studio_members too: the record place cache (delivery/record-place-cache.repository.ts) holds them.
const held = '(studios|studio_transitions|studio_categories|studio_members)';
const writes = [
  new RegExp(`\\b(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\\(\\s*'${held}'`),
  new RegExp(`\\b(insert\\s+into|update|delete\\s+from)\\s+${held}\\b`, 'i'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'seed' || e.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the studio snapshot', () => {
  it('is told of every write: each file writing studios, transitions or categories bumps studios.version', () => {
    const writers = sourceFiles(join(root, 'src')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return writes.some((w) => w.test(text));
    });
    // The guard must see the writers it guards, or it guards nothing.
    expect(writers.map((file) => relative(root, file))).toContain(
      'src/server/features/studios/studio-transitions.repository.ts',
    );
    expect(writers.length).toBeGreaterThanOrEqual(4);
    const silent = writers
      .filter((file) => !/\bbumpStudiosVersion\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(silent).toEqual([]);
  });
});
