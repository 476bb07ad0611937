import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './node-sqlite-adapter.ts';

const dir = mkdtempSync(join(tmpdir(), 'huimin-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openSqlite', () => {
  it('opens with the settings the server relies on', () => {
    const db = openSqlite(join(dir, 'settings.db'));
    const pragma = (name: string) => Object.values(db.raw.prepare(`pragma ${name}`).get() ?? {})[0];
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL: no acknowledged commit lost on power failure
    expect(pragma('foreign_keys')).toBe(1);
    // FILE: big sorts spill to a temporary file rather than growing the process's memory.
    expect(pragma('temp_store')).toBe(1);
    expect(pragma('cache_size')).toBe(-32768);
    expect(pragma('query_only')).toBe(0);
    db.close();
  });

  it('opens a reader that refuses writes, with the same 32 MB cache', () => {
    const file = join(dir, 'reader.db');
    const writer = openSqlite(file);
    writer.raw.exec('create table t (x integer)');
    const reader = openSqlite(file, 'reader');
    const pragma = (name: string) => Object.values(reader.raw.prepare(`pragma ${name}`).get() ?? {})[0];
    expect(pragma('query_only')).toBe(1);
    expect(pragma('cache_size')).toBe(-32768);
    expect(() => reader.raw.exec('insert into t values (1)')).toThrow(/readonly|query_only/i);
    reader.close();
    writer.close();
  });
});
