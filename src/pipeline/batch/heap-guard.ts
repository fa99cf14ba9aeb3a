import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapGuardOptions {
  /** Collect when the heap in use passes this. Default 56 MB. */
  readonly softLimitBytes?: number;
  /** Look at the heap every this many postings. Default 10. */
  readonly checkEvery?: number;
}

/** V8's collector as `--expose-gc` exposes it: synchronous by default, a promise with `execution: 'async'`. */
type GarbageCollect = (options?: {
  type?: 'major' | 'minor';
  execution?: 'sync' | 'async';
}) => Promise<void> | undefined;

/** Keeps a long batch's memory flat; see `createHeapGuard`. */
export interface HeapGuard {
  /** After each posting: every few postings, collect if the heap in use is past the limit (the collection, if any). */
  afterPosting(): Promise<void> | undefined;
  /** Collect now (before the memory-hungry end of a run: the batch-level check, the summary). */
  collect(): void;
}

/**
 * A batch's live data is small (tens of MB), but V8 lets the old generation grow to several times the live set before
 * it collects, so ten thousand postings would reach hundreds of MB of resident memory made of garbage. The guard
 * looks at the heap every few postings and, past the soft limit, starts a full collection that runs concurrently (the
 * `--expose-gc` route jest's leak detector takes). Where the runtime refuses, it does nothing.
 */
export function createHeapGuard(options: HeapGuardOptions = {}): HeapGuard {
  const softLimit = options.softLimitBytes ?? 56 * 1024 * 1024;
  const checkEvery = options.checkEvery ?? 10;
  let gc: GarbageCollect | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    if (typeof exposed === 'function') gc = exposed as GarbageCollect;
  } catch {
    gc = undefined;
  }
  let postings = 0;
  let limit = softLimit;
  let running = false;
  const raiseLimit = (): void => {
    // If the live data itself has grown, leave it room: each collection must free a good share to be worth it.
    limit = Math.max(softLimit, getHeapStatistics().used_heap_size * 1.5);
  };
  return {
    afterPosting() {
      postings++;
      if (gc === undefined || running || postings % checkEvery !== 0) return undefined;
      if (getHeapStatistics().used_heap_size < limit) return undefined;
      // Concurrent marking: the postings in flight keep going while the heap is collected.
      const pending = gc({ type: 'major', execution: 'async' });
      if (pending === undefined) {
        raiseLimit();
        return undefined;
      }
      running = true;
      return pending.then(() => {
        running = false;
        raiseLimit();
      });
    },
    collect() {
      if (gc === undefined) return;
      gc();
      raiseLimit();
    },
  };
}
