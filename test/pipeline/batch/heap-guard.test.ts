import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapGuard } from '../../../src/pipeline/batch/heap-guard.js';

describe('createHeapGuard', () => {
  it('starts a full collection once the heap in use passes the soft limit, every few postings', async () => {
    const guard = createHeapGuard({ softLimitBytes: 1, checkEvery: 3 });
    let garbage: string[] | undefined = Array.from({ length: 200_000 }, (_, index) => `garbage ${index}`);
    const withGarbage = getHeapStatistics().used_heap_size;
    garbage = undefined;

    expect([guard.afterPosting(), guard.afterPosting()]).toEqual([undefined, undefined]);
    const beforeThird = getHeapStatistics().used_heap_size;
    await guard.afterPosting();
    const afterThird = getHeapStatistics().used_heap_size;

    expect(garbage).toBeUndefined();
    expect(beforeThird).toBeGreaterThan(afterThird + 5_000_000);
    expect(withGarbage).toBeGreaterThan(afterThird);
  });

  it('collects at once before the end of a run', () => {
    const guard = createHeapGuard();
    let garbage: string[] | undefined = Array.from({ length: 200_000 }, (_, index) => `garbage ${index}`);
    const withGarbage = getHeapStatistics().used_heap_size;
    garbage = undefined;

    guard.collect();

    expect(garbage).toBeUndefined();
    expect(withGarbage).toBeGreaterThan(getHeapStatistics().used_heap_size + 5_000_000);
  });
});
