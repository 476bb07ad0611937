import { describe, expect, it } from 'vitest';
import { versionKey } from '../bench/province.ts';

// The bench is not run by CI (it needs a quiet machine), so a file it hashes being moved would go
// unnoticed until someone benchmarks: this keeps its data-set key computable.
describe('the bench data set', () => {
  it('has a version key over files that exist', () => {
    expect(versionKey()).toMatch(/^[0-9a-f]{12}$/);
  });
});
