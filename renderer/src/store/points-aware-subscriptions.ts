// Store subscriptions that are not run for a change that cannot concern them.
// Most deltas bring only points, which the live slice appends in place (the
// `points` record keeps its identity; each series' Points is a new object):
// such a `set` changes no other part of the state, so a selector that did not
// read `points` the last time it ran cannot give anything new. Zustand runs
// every subscriber on every `set`: on a wall of a hundred tiles that was about
// a thousand selectors per delta, nearly all of them for nothing. Here each
// selector's run notes whether it read `points`, and a `set` that changed only
// points is passed to those that did (the charts), the rest being left as they
// are. Any other `set` reaches every subscriber, as before.
//
// A selector must read the state only through its argument, and must not hand
// the state itself (or a part of it that holds `points`) to code that reads
// points later: a selector returning the whole state counts as reading points.
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand';

export interface Reads {
  /** The selector read `points` in its last run (until it has run, it may). */
  points: boolean;
  /** Told when `points` turns: the subscription moves in or out of the points readers. */
  turned?: () => void;
}

interface Entry<State> {
  reads: Reads;
  notify(state: State, previous: State): void;
}

/** Runs `select` on `state`, noting in `reads` whether it read `points`. */
export function selectNoting<State extends object, Value>(
  select: (state: State) => Value,
  state: State,
  reads: Reads,
): Value {
  let points = false;
  const note = (key: PropertyKey) => {
    if (key === 'points') points = true;
  };
  const seen = new Proxy(state, {
    get: (target, key) => (note(key), Reflect.get(target, key)),
    has: (target, key) => (note(key), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (
      note(key),
      Reflect.getOwnPropertyDescriptor(target, key)
    ),
    ownKeys: (target) => ((points = true), Reflect.ownKeys(target)),
  });
  try {
    const value = select(seen);
    if ((value as unknown) !== seen) return value;
    // The whole state: whoever gets it may read anything of it.
    points = true;
    return state as unknown as Value;
  } catch (error) {
    points = true;
    throw error;
  } finally {
    if (reads.points !== points) {
      reads.points = points;
      reads.turned?.();
    }
  }
}

/** Whether nothing but the points (appended in place) can have changed from `previous` to `state`. */
export function onlyPointsChanged<State extends object>(state: State, previous: State): boolean {
  const now = state as Record<string, unknown>;
  const before = previous as Record<string, unknown>;
  if (now.points !== before.points) return false;
  for (const key in now) if (key !== 'points' && now[key] !== before[key]) return false;
  for (const key in before) if (!(key in now)) return false;
  return true;
}

export interface SelectorOptions<Value> {
  equalityFn?: (a: Value, b: Value) => boolean;
  fireImmediately?: boolean;
}

export interface PointsAwareSubscriptions<State> {
  /** As zustand's `subscribeWithSelector`: a plain listener, or a selector and its listener. */
  subscribe: {
    (listener: (state: State, previous: State) => void): () => void;
    <Value>(
      selector: (state: State) => Value,
      listener: (value: Value, previous: Value) => void,
      options?: SelectorOptions<Value>,
    ): () => void;
  };
  /** As zustand's bound hook: the selected value, re-rendering when it changes. */
  useSelected<Value>(selector?: (state: State) => Value): Value;
}

export function pointsAwareSubscriptions<State extends object>(
  api: StoreApi<State>,
): PointsAwareSubscriptions<State> {
  const entries = new Set<Entry<State>>();
  /** The entries whose selector read `points` in its last run: all a delta of points runs. */
  const readers = new Set<Entry<State>>();
  api.subscribe((state, previous) => {
    const told = onlyPointsChanged(state, previous) ? readers : entries;
    told.forEach((entry) => entry.notify(state, previous));
  });
  const add = (entry: Entry<State>) => {
    const { reads } = entry;
    reads.turned = () => void (reads.points ? readers.add(entry) : readers.delete(entry));
    entries.add(entry);
    if (reads.points) readers.add(entry);
    return () => {
      reads.turned = undefined;
      entries.delete(entry);
      readers.delete(entry);
    };
  };

  function subscribe<Value>(
    selectorOrListener: ((state: State) => Value) | ((state: State, previous: State) => void),
    listener?: (value: Value, previous: Value) => void,
    options: SelectorOptions<Value> = {},
  ): () => void {
    if (!listener) {
      const plain = selectorOrListener as (state: State, previous: State) => void;
      return add({ reads: { points: true }, notify: plain });
    }
    const selector = selectorOrListener as (state: State) => Value;
    const equal = options.equalityFn ?? Object.is;
    const reads: Reads = { points: true };
    let current = selectNoting(selector, api.getState(), reads);
    const unsubscribe = add({
      reads,
      notify: (state) => {
        const next = selectNoting(selector, state, reads);
        if (equal(current, next)) return;
        const previous = current;
        current = next;
        listener(current, previous);
      },
    });
    if (options.fireImmediately) listener(current, current);
    return unsubscribe;
  }

  function useSelected<Value>(
    selector: (state: State) => Value = (state) => state as unknown as Value,
  ): Value {
    const [reads] = useState<Reads>(() => ({ points: true }));
    const snapshot = useCallback(
      () => selectNoting(selector, api.getState(), reads),
      [selector, reads],
    );
    const listen = useCallback((onChange: () => void) => add({ reads, notify: onChange }), [reads]);
    return useSyncExternalStore(listen, snapshot, snapshot);
  }

  return { subscribe: subscribe as PointsAwareSubscriptions<State>['subscribe'], useSelected };
}
