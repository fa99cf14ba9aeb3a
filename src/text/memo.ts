/**
 * Remembering what a pure function computed, always bounded: by the life of the object the value belongs to
 * (`memoOn`, `memoWeak`, `memoPair`), or by a count of recently used keys (`memoRecent`, `memoSimilar`). Every cache
 * in lede goes through these, so none grows with the number of letters, postings or profiles a run sees.
 */

const slot = Symbol('lede.memo');

type MemoOwner = { [slot]?: Map<unknown, unknown> };

/**
 * Remembers `compute()` on `owner` itself, under `key`. Per-letter results (tokens, quantities, matches) die with the
 * letter in an ordinary young-generation collection, where a WeakMap keyed on the letter would keep them until a full
 * one: a batch of ten thousand letters stays small. A frozen owner simply gets no memo.
 */
export function memoOn<T>(owner: object, key: unknown, compute: () => T): T {
  let memo = (owner as MemoOwner)[slot];
  if (memo === undefined) {
    if (!Object.isExtensible(owner)) return compute();
    memo = new Map();
    Object.defineProperty(owner, slot, { value: memo, enumerable: false });
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

/** `compute(key)`, remembered for as long as `key` lives (a vocabulary, a posting, a profile fact). */
export function memoWeak<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as Value;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * `compute(first, second)`, remembered for as long as both objects live: a posting's or a profile's index is built
 * once per vocabulary, and dies with the posting.
 */
export function memoPair<First extends object, Second extends object, Value>(
  compute: (first: First, second: Second) => Value,
): (first: First, second: Second) => Value {
  const bySecond = memoWeak((_first: First) => new WeakMap<Second, Value>());
  return (first, second) => {
    const cache = bySecond(first);
    const known = cache.get(second);
    if (known !== undefined || cache.has(second)) return known as Value;
    const value = compute(first, second);
    cache.set(second, value);
    return value;
  };
}

/** Values remembered for the most recently used keys; `get` computes a value the first time its key is asked for. */
export interface RecentMemo<Key, Value> {
  get(key: Key, compute: (key: Key) => Value): Value;
}

/**
 * A memo for keys compared by value (a word, a text) that keeps the `limit` most recently used: between `limit` and
 * twice as many. Two generations, as sindresorhus/quick-lru keeps them: a hit in the young one costs one lookup, so
 * this serves the hottest paths (a stem per word of every letter); when the young one is full it becomes the old one,
 * and what the old one held and nobody asked for again is dropped.
 */
export function recentMemo<Key, Value>(limit: number): RecentMemo<Key, Value> {
  let young = new Map<Key, Value>();
  let old = new Map<Key, Value>();
  return {
    get(key, compute) {
      const known = young.get(key);
      if (known !== undefined || young.has(key)) return known as Value;
      const value = old.has(key) ? (old.get(key) as Value) : compute(key);
      if (young.size >= limit) {
        old = young;
        young = new Map();
      }
      young.set(key, value);
      return value;
    },
  };
}

/** `compute(key)`, remembered for the `limit` most recently used keys (see `recentMemo`). */
export function memoRecent<Key, Value>(limit: number, compute: (key: Key) => Value): (key: Key) => Value {
  const memo = recentMemo<Key, Value>(limit);
  return (key) => memo.get(key, compute);
}

/**
 * `compute(key)` for keys that are alike without being the same object (two requests for one posting and profile),
 * remembered for the `limit` most recent: a short list, searched with `same`, newest first.
 */
export function memoSimilar<Key, Value>(
  limit: number,
  same: (a: Key, b: Key) => boolean,
  compute: (key: Key) => Value,
): (key: Key) => Value {
  const recent: { readonly key: Key; readonly value: Value }[] = [];
  return (key) => {
    const known = recent.find((entry) => same(entry.key, key));
    if (known !== undefined) return known.value;
    const value = compute(key);
    recent.unshift({ key, value });
    if (recent.length > limit) recent.pop();
    return value;
  };
}
