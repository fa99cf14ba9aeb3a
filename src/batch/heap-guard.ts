import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapGuardOptions {
  /** Collect when the heap in use passes this. Default 56 MB. */
  readonly softLimitBytes?: number;
  /** Look at the heap every this many postings. Default 10. */
  readonly checkEvery?: number;
  /**
   * Compact and give memory back once the heap outside the young generation has grown by this factor since the last
   * time it was compacted (or since the guard was made). Default 1.5.
   */
  readonly compactGrowth?: number;
  /** Compact at most once every this many postings. Default 1000. */
  readonly compactEvery?: number;
  /** Where the sizes come from; V8's statistics by default (tests script them). */
  readonly heap?: HeapReader;
  /** The collector; V8's, exposed with `--expose-gc`, by default (tests record the calls). */
  readonly garbageCollect?: GarbageCollect;
}

/** The two sizes the guard decides on. */
export interface HeapReader {
  /** Bytes of the heap in use: live objects and garbage not yet collected. */
  usedBytes(): number;
  /** Bytes V8 holds outside the young generation: the old generation, code, large objects. */
  outsideYoungBytes(): number;
}

/**
 * V8's collector as `--expose-gc` exposes it: synchronous by default, a promise with `execution: 'async'` (run as a
 * task of its own, after the current one). The `last-resort` flavor is V8's memory-reducing collection: it compacts
 * the old generation, shrinks the young one back to its smallest size and returns the freed pages to the system.
 */
export type GarbageCollect = (options?: {
  type?: 'major' | 'minor';
  execution?: 'sync' | 'async';
  flavor?: 'regular' | 'last-resort';
}) => Promise<void> | undefined;

/** Keeps a long batch's memory flat; see `createHeapGuard`. */
export interface HeapGuard {
  /** After each posting: every few postings, collect if the heap is past its limits (the collection, if any). */
  afterPosting(): Promise<void> | undefined;
  /** Compact now and give memory back (before the memory-hungry end of a run: the batch-level check, the summary). */
  collect(): void;
}

const v8Heap: HeapReader = {
  usedBytes: () => getHeapStatistics().used_heap_size,
  outsideYoungBytes() {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
    return getHeapStatistics().total_heap_size - young;
  },
};

/** V8's collector, or undefined where the runtime refuses `--expose-gc`. */
function exposedGarbageCollect(): GarbageCollect | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    return typeof exposed === 'function' ? (exposed as GarbageCollect) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A batch's live data is small (tens of MB), but V8 lets the old generation grow to several times the live set before
 * it collects, and what it frees stays with the process as half-empty pages: ten thousand postings would reach
 * hundreds of MB of resident memory made of garbage and holes. The guard looks at the heap every few postings: past
 * the soft limit it runs a full collection; once the pages V8 holds have grown by half since the last compaction (and
 * at most once every thousand postings), it runs V8's memory-reducing one instead, which packs the live objects
 * together and releases the rest. Where the runtime refuses `--expose-gc`, it does nothing.
 */
export function createHeapGuard(options: HeapGuardOptions = {}): HeapGuard {
  const softLimit = options.softLimitBytes ?? 56 * 1024 * 1024;
  const checkEvery = options.checkEvery ?? 10;
  const compactGrowth = options.compactGrowth ?? 1.5;
  const compactEvery = options.compactEvery ?? 1000;
  const heap = options.heap ?? v8Heap;
  const gc = options.garbageCollect ?? exposedGarbageCollect();
  let postings = 0;
  let limit = softLimit;
  let compactAbove = heap.outsideYoungBytes() * compactGrowth;
  let compactedAt = 0;
  let running = false;
  const afterCollection = (compacted: boolean): void => {
    // If the live data itself has grown, leave it room: each collection must free a good share to be worth it.
    limit = Math.max(softLimit, heap.usedBytes() * 1.5);
    if (compacted) {
      compactAbove = heap.outsideYoungBytes() * compactGrowth;
      compactedAt = postings;
    }
  };
  return {
    afterPosting() {
      postings++;
      if (gc === undefined || running || postings % checkEvery !== 0) return undefined;
      // Compacting also shrinks the young generation, which then takes many more small collections to grow back:
      // worth it now and then, not every few postings.
      const compact = postings - compactedAt >= compactEvery && heap.outsideYoungBytes() > compactAbove;
      if (!compact && heap.usedBytes() < limit) return undefined;
      const pending = gc({ type: 'major', execution: 'async', flavor: compact ? 'last-resort' : 'regular' });
      if (pending === undefined) {
        afterCollection(compact);
        return undefined;
      }
      running = true;
      return pending.then(() => {
        running = false;
        afterCollection(compact);
      });
    },
    collect() {
      if (gc === undefined) return;
      gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      afterCollection(true);
    },
  };
}
