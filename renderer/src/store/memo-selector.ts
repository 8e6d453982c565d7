// A selector that derives its value again only when one of the parts of the
// store it reads from is a new reference. Every subscriber runs on every
// `set`, one per delta, and most deltas bring only points: a tile's or the
// header's derived reading then costs a few comparisons, not its derivation
// (a filter over the alerts, a walk over the deployments) nor an allocation.
// An equal result (`same`) keeps the previous value, so a hook that reads it
// does not re-render for a list rebuilt with the same items.

/**
 * `derive` must read the store only through what `inputs` select (and
 * constants): it is not run again while every input is the same reference.
 */
export function memoSelector<State, Value>(
  inputs: readonly ((state: NoInfer<State>) => unknown)[],
  derive: (state: State) => Value,
  same: (a: Value, b: Value) => boolean = Object.is,
): (state: State) => Value {
  let read: unknown[] | undefined;
  let value: Value;
  const unchanged = (state: State, last: unknown[]): boolean => {
    for (let i = 0; i < inputs.length; i += 1) {
      if ((inputs[i] as (state: State) => unknown)(state) !== last[i]) return false;
    }
    return true;
  };
  return (state) => {
    if (read && unchanged(state, read)) return value;
    const next = derive(state);
    if (!read || !same(value, next)) value = next;
    read = inputs.map((input) => input(state));
    return value;
  };
}
