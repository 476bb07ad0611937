import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One shape for every feature (docs/ARCHITECTURE.md, "How to add an area"): each area folder
 * has its routes, service, repository and presenter named after it, and every other file says
 * its role in its name, so a newcomer knows where a query, a rule or a response shape lives.
 */
const roles = ['routes', 'service', 'repository', 'presenter', 'job', 'commands', 'access', 'test'] as const;
const dir = import.meta.dirname;
const areas = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());

describe('feature slices', () => {
  it('finds the areas', () => expect(areas.length).toBeGreaterThanOrEqual(15));
  for (const area of areas) {
    it(`${area} has the four files of a slice, and every file names its role`, () => {
      const files = readdirSync(join(dir, area));
      for (const role of ['routes', 'service', 'repository', 'presenter'])
        expect(files).toContain(`${area}.${role}.ts`);
      const unnamed = files.filter((f) => !roles.some((r) => f.endsWith(`.${r}.ts`)));
      expect(unnamed).toEqual([]);
    });
  }
});
