import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapGuard } from '../../../src/pipeline/batch/heap-guard.js';

describe('createHeapGuard', () => {
  it('runs a full collection once the heap in use passes the soft limit, every few postings', () => {
    const guard = createHeapGuard({ softLimitBytes: 1, checkEvery: 3 });
    let garbage: string[] | undefined = Array.from({ length: 200_000 }, (_, index) => `garbage ${index}`);
    const withGarbage = getHeapStatistics().used_heap_size;
    garbage = undefined;

    guard.afterPosting();
    guard.afterPosting();
    const beforeThird = getHeapStatistics().used_heap_size;
    guard.afterPosting();
    const afterThird = getHeapStatistics().used_heap_size;

    expect(garbage).toBeUndefined();
    expect(beforeThird).toBeGreaterThan(afterThird + 5_000_000);
    expect(withGarbage).toBeGreaterThan(afterThird);
  });
});
