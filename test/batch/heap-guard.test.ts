import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapGuard } from '../../src/batch/heap-guard.js';

const youngGeneration = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

describe('createHeapGuard', () => {
  it('leaves the heap alone while it is under the soft limit and has not grown', () => {
    const guard = createHeapGuard({ softLimitBytes: Number.MAX_SAFE_INTEGER, checkEvery: 1 });

    expect([guard.afterPosting(), guard.afterPosting()]).toEqual([undefined, undefined]);
  });

  it('compacts and gives the pages back once the heap has grown by the factor since the last compaction', async () => {
    const guard = createHeapGuard({
      softLimitBytes: Number.MAX_SAFE_INTEGER,
      checkEvery: 1,
      compactGrowth: 1.2,
      compactEvery: 2,
    });
    // Data that lives long enough to reach the old generation, then dies: pages V8 would otherwise keep.
    let kept: string[][] | undefined = [];
    for (let round = 0; round < 40; round++) {
      kept.push(Array.from({ length: 25_000 }, (_, index) => `kept ${round} ${index}`));
    }
    const totalBefore = getHeapStatistics().total_heap_size;
    const youngBefore = youngGeneration();
    kept = undefined;

    // Not on the first posting: at most one compaction every two.
    expect(guard.afterPosting()).toBeUndefined();
    const collection = guard.afterPosting();
    await collection;

    expect(kept).toBeUndefined();
    expect(collection).toBeDefined();
    expect(getHeapStatistics().total_heap_size).toBeLessThan(totalBefore - 20_000_000);
    expect(youngGeneration()).toBeLessThan(youngBefore);
    // Measured again from the compacted heap: no second compaction two postings later.
    expect([guard.afterPosting(), guard.afterPosting()]).toEqual([undefined, undefined]);
  });

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
