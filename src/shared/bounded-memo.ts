/**
 * `compute` remembered for up to `max` keys, all forgotten at once when full: for pure functions of
 * strings that come back again and again (names), where a lookup costs far less than the work.
 */
export function boundedMemo<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= max) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}
