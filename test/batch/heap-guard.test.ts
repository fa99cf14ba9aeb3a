import { describe, expect, it } from 'vitest';
import { createHeapGuard, type GarbageCollect, type HeapReader } from '../../src/batch/heap-guard.js';

const megabyte = 1024 * 1024;

/** A heap whose sizes the test sets, and a collector that records what it was asked and changes nothing itself. */
function scriptedHeap(start: { used: number; outsideYoung: number }) {
  const sizes = { ...start };
  const heap: HeapReader = { usedBytes: () => sizes.used, outsideYoungBytes: () => sizes.outsideYoung };
  const collections: Parameters<GarbageCollect>[0][] = [];
  let finish: (() => void) | undefined;
  const garbageCollect: GarbageCollect = (options) => {
    collections.push(options);
    if (options?.execution === 'sync') return undefined;
    return new Promise<void>((resolve) => {
      finish = resolve;
    });
  };
  /** Ends the collection in flight, leaving the heap at `after`. */
  const finishCollection = async (after: { used: number; outsideYoung: number }, pending: unknown) => {
    Object.assign(sizes, after);
    finish?.();
    await pending;
  };
  return { sizes, heap, garbageCollect, collections, finishCollection };
}

const regular = { type: 'major', execution: 'async', flavor: 'regular' };
const compacting = { type: 'major', execution: 'async', flavor: 'last-resort' };

describe('createHeapGuard', () => {
  it('leaves the heap alone while it is under the soft limit and has not grown', () => {
    const script = scriptedHeap({ used: 40 * megabyte, outsideYoung: 100 * megabyte });
    const guard = createHeapGuard({
      ...script,
      softLimitBytes: 56 * megabyte,
      checkEvery: 1,
      compactEvery: 1,
    });

    const results = Array.from({ length: 5 }, () => guard.afterPosting());

    expect(results).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(script.collections).toEqual([]);
  });

  it('looks only every checkEvery postings, and starts a full collection once the heap in use passes the soft limit', async () => {
    const script = scriptedHeap({ used: 60 * megabyte, outsideYoung: 100 * megabyte });
    const guard = createHeapGuard({ ...script, softLimitBytes: 56 * megabyte, checkEvery: 3 });

    expect([guard.afterPosting(), guard.afterPosting()]).toEqual([undefined, undefined]);
    expect(script.collections).toEqual([]);
    const third = guard.afterPosting();

    expect(third).toBeInstanceOf(Promise);
    expect(script.collections).toEqual([regular]);
    await script.finishCollection({ used: 20 * megabyte, outsideYoung: 100 * megabyte }, third);
  });

  it('starts no second collection while one is in flight', async () => {
    const script = scriptedHeap({ used: 60 * megabyte, outsideYoung: 100 * megabyte });
    const guard = createHeapGuard({ ...script, softLimitBytes: 56 * megabyte, checkEvery: 1 });

    const first = guard.afterPosting();
    expect([guard.afterPosting(), guard.afterPosting()]).toEqual([undefined, undefined]);
    expect(script.collections).toEqual([regular]);

    await script.finishCollection({ used: 60 * megabyte, outsideYoung: 100 * megabyte }, first);
    script.sizes.used = 95 * megabyte;
    expect(guard.afterPosting()).toBeInstanceOf(Promise);
    expect(script.collections).toEqual([regular, regular]);
  });

  it('gives live data that outgrew the soft limit room: the next collection waits until half as much again is in use', async () => {
    const script = scriptedHeap({ used: 60 * megabyte, outsideYoung: 100 * megabyte });
    const guard = createHeapGuard({ ...script, softLimitBytes: 56 * megabyte, checkEvery: 1 });
    // The collection frees little: 58 MB are live.
    await script.finishCollection(
      { used: 58 * megabyte, outsideYoung: 100 * megabyte },
      guard.afterPosting(),
    );

    script.sizes.used = 86 * megabyte;
    expect(guard.afterPosting()).toBeUndefined();
    script.sizes.used = 88 * megabyte;
    expect(guard.afterPosting()).toBeInstanceOf(Promise);
    expect(script.collections).toEqual([regular, regular]);
  });

  it('compacts once the heap outside the young generation has grown by the factor, at most once every compactEvery postings', async () => {
    const script = scriptedHeap({ used: 10 * megabyte, outsideYoung: 100 * megabyte });
    const guard = createHeapGuard({
      ...script,
      softLimitBytes: 56 * megabyte,
      checkEvery: 1,
      compactGrowth: 1.5,
      compactEvery: 4,
    });

    script.sizes.outsideYoung = 151 * megabyte;
    expect([guard.afterPosting(), guard.afterPosting(), guard.afterPosting()]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(script.collections).toEqual([]);
    const fourth = guard.afterPosting();
    expect(script.collections).toEqual([compacting]);
    await script.finishCollection({ used: 10 * megabyte, outsideYoung: 120 * megabyte }, fourth);

    // Measured again from the compacted heap (120 MB): 151 MB is no growth by half, even four postings later.
    script.sizes.outsideYoung = 151 * megabyte;
    for (let posting = 0; posting < 4; posting++) expect(guard.afterPosting()).toBeUndefined();
    script.sizes.outsideYoung = 181 * megabyte;
    expect(guard.afterPosting()).toBeInstanceOf(Promise);
    expect(script.collections).toEqual([compacting, compacting]);
  });

  it('compacts at once, synchronously, before the end of a run, and measures growth from there', () => {
    const script = scriptedHeap({ used: 10 * megabyte, outsideYoung: 100 * megabyte });
    const guard = createHeapGuard({ ...script, checkEvery: 1, compactGrowth: 1.5, compactEvery: 1 });
    script.sizes.outsideYoung = 200 * megabyte;

    guard.collect();

    expect(script.collections).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    expect(guard.afterPosting()).toBeUndefined();
  });

  it("reaches V8's collector on this runtime, so a real batch is guarded", async () => {
    const guard = createHeapGuard({ softLimitBytes: 1, checkEvery: 1 });

    const collection = guard.afterPosting();

    // The collector's promise comes from another realm (the context that exposed gc): not this realm's Promise.
    expect(typeof collection?.then).toBe('function');
    await collection;
  });
});
