import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './node-flags.js';

const root = join(import.meta.dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('the server’s Node.js flags', () => {
  // package.json cannot import them: the two scripts that run the server must spell them out.
  it.each(['serve', 'start'])('npm run %s passes every one of them', (name) => {
    const words = (scripts[name] ?? '').split(/\s+/);
    expect(words[0]).toBe('node');
    for (const flag of SERVER_NODE_FLAGS) expect(words).toContain(flag);
  });

  it('cap the young generation when given on the command line', () => {
    const probe = `const s = require('node:v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
      let keep = []; for (let i = 0; i < 4e6; i++) { keep.push({ i }); if (keep.length > 100000) keep = []; }
      console.log(require('node:v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size);`;
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', probe], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    // Two halves of at most 16 MB (and V8's page rounding).
    expect(Number(run.stdout.trim())).toBeLessThanOrEqual(33 * 1024 * 1024);
  });
});
