import { describe, expect, it } from 'vitest';
import { memoOn, memoPair, memoRecent, memoSimilar, memoWeak, recentMemo } from '../../src/text/memo.js';

function counted<Key, Value>(compute: (key: Key) => Value) {
  const calls: Key[] = [];
  return {
    calls,
    compute: (key: Key): Value => {
      calls.push(key);
      return compute(key);
    },
  };
}

describe('memoRecent', () => {
  it('computes a key once while it is recent, and forgets keys nobody asked for again', () => {
    const { calls, compute } = counted((word: string) => word.toUpperCase());
    const upper = memoRecent(2, compute);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    // Two generations of two: 'a' and 'b' move to the old one, then are dropped when 'e' and 'f' fill the young one.
    for (const word of ['c', 'd', 'e', 'f']) upper(word);
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'a']);
  });

  it('keeps a key that is asked for again, and remembers undefined and null', () => {
    const { calls, compute } = counted((word: string) => (word === 'none' ? null : undefined));
    const memo = recentMemo<string, null | undefined>(2);
    for (const word of ['none', 'x', 'none', 'x', 'y', 'none']) memo.get(word, compute);
    expect(calls).toEqual(['none', 'x', 'y']);
  });
});

describe('memoWeak, memoPair and memoOn', () => {
  it('compute once per object, or pair of objects', () => {
    const first = {};
    const second = {};
    const single = counted((_key: object) => ({}));
    const weak = memoWeak(single.compute);
    expect(weak(first)).toBe(weak(first));
    expect(single.calls).toHaveLength(1);

    const pairs: [object, object][] = [];
    const pair = memoPair((a: object, b: object) => pairs.push([a, b]));
    pair(first, second);
    pair(first, second);
    pair(second, first);
    expect(pairs).toEqual([
      [first, second],
      [second, first],
    ]);

    const owner = {};
    let runs = 0;
    memoOn(owner, 'key', () => runs++);
    memoOn(owner, 'key', () => runs++);
    expect(runs).toBe(1);
    expect(Object.keys(owner)).toEqual([]);
    expect(memoOn(Object.freeze({}), 'key', () => 'computed')).toBe('computed');
  });
});

describe('memoSimilar', () => {
  it('finds a key alike by value among the most recent few', () => {
    const { calls, compute } = counted((request: { id: number }) => request.id * 10);
    const memo = memoSimilar(2, (a: { id: number }, b: { id: number }) => a.id === b.id, compute);
    expect([memo({ id: 1 }), memo({ id: 1 }), memo({ id: 2 }), memo({ id: 3 }), memo({ id: 1 })]).toEqual([
      10, 10, 20, 30, 10,
    ]);
    expect(calls.map((request) => request.id)).toEqual([1, 2, 3, 1]);
  });
});
