/**
 * `compute(first, second)`, remembered for as long as both objects live: a posting's or a profile's index is built
 * once per vocabulary, and dies with the posting.
 */
export function memoPair<First extends object, Second extends object, Value>(
  compute: (first: First, second: Second) => Value,
): (first: First, second: Second) => Value {
  const cache = new WeakMap<First, WeakMap<Second, Value>>();
  return (first, second) => {
    let bySecond = cache.get(first);
    if (bySecond === undefined) {
      bySecond = new WeakMap();
      cache.set(first, bySecond);
    }
    if (bySecond.has(second)) return bySecond.get(second) as Value;
    const value = compute(first, second);
    bySecond.set(second, value);
    return value;
  };
}
