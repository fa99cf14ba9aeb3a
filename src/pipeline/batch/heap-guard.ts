import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapGuardOptions {
  /** Collect when the heap in use passes this. Default 56 MB. */
  readonly softLimitBytes?: number;
  /** Look at the heap every this many postings. Default 10. */
  readonly checkEvery?: number;
}

/**
 * Keeps a long batch's memory flat. A batch's live data is small (tens of MB), but V8 lets the old generation grow to
 * several times the live set before it collects, so ten thousand postings would reach hundreds of MB of resident
 * memory made of garbage. Every few postings this looks at the heap and, past the soft limit, runs a full collection
 * (the same `--expose-gc` route jest's leak detector takes). Returns a no-op where the runtime refuses.
 */
export function createHeapGuard(options: HeapGuardOptions = {}): () => void {
  const softLimit = options.softLimitBytes ?? 56 * 1024 * 1024;
  const checkEvery = options.checkEvery ?? 10;
  let collect: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    if (typeof exposed === 'function') collect = exposed as () => void;
  } catch {
    collect = undefined;
  }
  if (collect === undefined) return () => {};
  const gc = collect;
  let postings = 0;
  let limit = softLimit;
  return () => {
    postings++;
    if (postings % checkEvery !== 0 || getHeapStatistics().used_heap_size < limit) return;
    gc();
    // If the live data itself has grown, leave it room: each collection must free a good share to be worth it.
    limit = Math.max(softLimit, getHeapStatistics().used_heap_size * 1.5);
  };
}
