// One shared 1 s ticker for the whole console, aligned to the second, so
// clocks, ages and STALE all move together.
//
// A tick reaches its subscribers in slices of TICK_SLICE, each slice its own
// task: React renders a slice's updates in the microtask after it, so a wall
// of hundreds of clock readers is several short tasks, not one long one.
// Readers that show something derived from the clock (useClocked) re-render
// only when that changes, not every second; late readers hear of a tick
// after all the others.
import { useRef, useSyncExternalStore } from 'react';
import { useConsoleStore } from '../store/console-store';

/** Subscribers told of a tick per task. */
export const TICK_SLICE = 25;

const listeners = new Set<() => void>();
/** Told after every listener: readers of what a clocked parent renders (an age of its sample). */
const lateListeners = new Set<() => void>();
let now = Date.now();
let timer: number | undefined;
let pending: (() => void)[] = [];
let sliceTimer: number | undefined;

function deliverSlice(): void {
  sliceTimer = undefined;
  const slice = pending.splice(0, TICK_SLICE);
  if (pending.length > 0) sliceTimer = window.setTimeout(deliverSlice, 0);
  // One that left since the tick (its tile unmounted) is not told.
  for (const listener of slice) {
    if (listeners.has(listener) || lateListeners.has(listener)) listener();
  }
}

function tick(): void {
  now = Date.now();
  timer = window.setTimeout(tick, 1000 - (now % 1000));
  window.clearTimeout(sliceTimer);
  pending = [...listeners, ...lateListeners];
  deliverSlice();
}

function subscribeTo(set: Set<() => void>, listener: () => void): () => void {
  set.add(listener);
  if (timer === undefined) tick();
  return () => {
    set.delete(listener);
    if (listeners.size + lateListeners.size > 0) return;
    window.clearTimeout(timer);
    window.clearTimeout(sliceTimer);
    timer = sliceTimer = undefined;
    pending = [];
  };
}

const subscribe = (listener: () => void) => subscribeTo(listeners, listener);
const subscribeLate = (listener: () => void) => subscribeTo(lateListeners, listener);

/** The wall's "now": the reviewed instant while a snapshot is open, else the clock. */
export function useNow(): number {
  const live = useSyncExternalStore(subscribe, () => now);
  const reviewAt = useConsoleStore((store) => store.review?.at);
  return reviewAt ?? live;
}

/** How useClocked compares what it read, and when in a tick it reads. */
export interface ClockedOptions<T> {
  same?: (a: T, b: T) => boolean;
  /**
   * Read after every other reader of the tick: for what depends on props a
   * clocked parent passes (the age of the sample the tile shows), so the
   * parent renders first and the child is not rendered twice, or out of step.
   */
  late?: boolean;
}

/**
 * Something read at the wall's "now" (an age's words, a tile's reading):
 * the component re-renders on a tick only when `read` gives something not
 * `same` as before, so a tick costs nothing where nothing shown changed.
 */
export function useClocked<T>(
  read: (at: number) => T,
  { same = Object.is, late = false }: ClockedOptions<T> = {},
): T {
  const reviewAt = useConsoleStore((store) => store.review?.at);
  const last = useRef<{ value: T } | undefined>(undefined);
  const snapshot = (): T => {
    const value = read(reviewAt ?? now);
    if (last.current && same(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(late ? subscribeLate : subscribe, snapshot);
}

/** The same, outside React (chart updates). */
export const wallNow = (): number => useConsoleStore.getState().review?.at ?? Date.now();
