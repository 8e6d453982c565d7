// One shared 1 s ticker for the whole wall, aligned to the second, so clocks,
// ages and STALE all move together and each tile re-renders at most at 1 Hz.
import { useSyncExternalStore } from 'react';
import { useConsoleStore } from '../store/console-store';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: number | undefined;

function tick(): void {
  now = Date.now();
  timer = window.setTimeout(tick, 1000 - (now % 1000));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) tick();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.clearTimeout(timer);
    timer = undefined;
  };
}

/** The wall's "now": the reviewed instant while a snapshot is open, else the clock. */
export function useNow(): number {
  const live = useSyncExternalStore(subscribe, () => now);
  const reviewAt = useConsoleStore((store) => store.review?.at);
  return reviewAt ?? live;
}

/** The same, outside React (chart updates). */
export const wallNow = (): number => useConsoleStore.getState().review?.at ?? Date.now();
