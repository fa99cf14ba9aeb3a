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
