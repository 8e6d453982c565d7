// Leaving review: the live state is fetched and taken in slices of series
// (hydrateLive, a task each) while the wall still shows the snapshot, then the
// review ends and that state lands in one tick: at the series cap, building
// its records in one task was a long one. The store takes no live deltas
// during a review, so those that come while the slices are taken are held
// here: the ones the host sent before its reply are already in the state (one
// ordered channel), the ones after its seq follow it in order. If they skip a
// seq (a delta dropped on the way), the state is fetched again.
import type { ConsoleStateFeed } from '../../../../shared/api/contract';
import type { ConsoleDelta } from '../../../../shared/api/console-state';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';
import { hydrateLive, type HydrationOptions } from '../../store/live-hydration';

/** Fetches before giving up when every state is followed by a gap in the deltas. */
const MAX_FETCHES = 3;

export interface ExitOptions {
  api?: ConsoleStateFeed;
  /** Ends the current task between slices (tests pass their own). */
  yieldTask?: HydrationOptions['yieldTask'];
}

const reviewing = () => useConsoleStore.getState().review !== undefined;

/** The held deltas after `seq`, in order, or undefined when one is missing. */
function deltasAfter(held: readonly ConsoleDelta[], seq: number): ConsoleDelta[] | undefined {
  const after = held.filter((delta) => delta.seq > seq);
  return after.every((delta, index) => delta.seq === seq + index + 1) ? after : undefined;
}

export async function exitReview({ api = getConsoleApi(), yieldTask }: ExitOptions = {}) {
  const held: ConsoleDelta[] = [];
  const off = api.onDelta((delta) => held.push(delta));
  try {
    for (let fetches = 0; fetches < MAX_FETCHES; fetches += 1) {
      const state = await api.getState();
      const live = await hydrateLive(state, {
        stillWanted: reviewing,
        progress: () => {},
        ...(yieldTask ? { yieldTask } : {}),
      });
      // Left meanwhile (another exit, or the review closed): nothing to land.
      if (!live || !reviewing()) return;
      const following = deltasAfter(held, state.seq);
      if (!following) continue;
      const store = useConsoleStore.getState();
      store.leaveReview();
      store.applyState(state, live);
      for (const delta of following) store.applyDelta(delta);
      return;
    }
    throw new Error('the live state kept changing while it was fetched; try again');
  } finally {
    off();
  }
}
