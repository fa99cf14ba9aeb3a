import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapGuardOptions {
  /** Collect when the heap in use passes this. Default 56 MB. */
  readonly softLimitBytes?: number;
  /** Look at the heap every this many postings. Default 10. */
  readonly checkEvery?: number;
}

/** Keeps a long batch's memory flat; see `createHeapGuard`. */
export interface HeapGuard {
  /** After each posting: every few postings, collect if the heap in use is past the limit. */
  afterPosting(): void;
  /** Collect now (before the memory-hungry end of a run: the batch-level check, the summary). */
  collect(): void;
}

/**
 * A batch's live data is small (tens of MB), but V8 lets the old generation grow to several times the live set before
 * it collects, so ten thousand postings would reach hundreds of MB of resident memory made of garbage. The guard
 * looks at the heap every few postings and, past the soft limit, runs a full collection (the `--expose-gc` route
 * jest's leak detector takes). Where the runtime refuses, it does nothing.
 */
export function createHeapGuard(options: HeapGuardOptions = {}): HeapGuard {
  const softLimit = options.softLimitBytes ?? 56 * 1024 * 1024;
  const checkEvery = options.checkEvery ?? 10;
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    if (typeof exposed === 'function') gc = exposed as () => void;
  } catch {
    gc = undefined;
  }
  let postings = 0;
  let limit = softLimit;
  const collect = (): void => {
    if (gc === undefined) return;
    gc();
    // If the live data itself has grown, leave it room: each collection must free a good share to be worth it.
    limit = Math.max(softLimit, getHeapStatistics().used_heap_size * 1.5);
  };
  return {
    afterPosting() {
      postings++;
      if (postings % checkEvery === 0 && getHeapStatistics().used_heap_size >= limit) collect();
    },
    collect,
  };
}
