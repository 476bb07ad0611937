import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_ENV, SERVER_NODE_FLAGS } from './node-flags.js';

const root = join(import.meta.dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** Runs `code` in a new Node.js process started with `args` and `env`; answers what it printed. */
function run(args: string[], env: Record<string, string>, code: string): string {
  const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', code], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('how the server process is started', () => {
  // package.json cannot import them: the scripts that run the server must spell them out.
  it('npm run serve passes every flag and variable', () => {
    const words = (scripts.serve ?? '').split(/\s+/);
    for (const [name, value] of Object.entries(SERVER_ENV)) expect(words).toContain(`${name}=${value}`);
    expect(words).toContain('node');
    for (const flag of SERVER_NODE_FLAGS) expect(words).toContain(flag);
  });

  it('npm start passes every flag', () => {
    const words = (scripts.start ?? '').split(/\s+/);
    expect(words[0]).toBe('node');
    for (const flag of SERVER_NODE_FLAGS) expect(words).toContain(flag);
  });

  it('the flags cap the young generation', () => {
    const out = run(
      SERVER_NODE_FLAGS,
      {},
      `import v8 from 'node:v8';
      let keep = []; for (let i = 0; i < 4e6; i++) { keep.push({ i }); if (keep.length > 100000) keep = []; }
      console.log(v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size);`,
    );
    // Two halves of at most 16 MB (and V8's page rounding); 64 MB or more without the flag here.
    expect(Number(out)).toBeLessThanOrEqual(33 * 1024 * 1024);
  });

  it('the environment gives back the memory of password checks', () => {
    // Four checks at once, as four logins would, then the resident memory they left behind. The
    // app's own hashing, so the test follows its parameters.
    const passwords = pathToFileURL(join(import.meta.dirname, 'passwords.ts')).href;
    const out = run(
      SERVER_NODE_FLAGS,
      SERVER_ENV,
      `import { hashPassword } from ${JSON.stringify(passwords)};
      import { readFileSync } from 'node:fs';
      const rss = () => Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
      const check = () => hashPassword('Bench@2026');
      await check();
      const before = rss();
      for (let round = 0; round < 3; round++) await Promise.all([check(), check(), check(), check()]);
      console.log(rss() - before);`,
    );
    // In kB. Without the variable 136,000 here: the worker threads' arenas keep what they were given.
    expect(Number(out)).toBeLessThan(15_000);
  });
});
