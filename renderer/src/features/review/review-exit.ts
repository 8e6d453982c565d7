// Leaving review: the live state is fetched and taken in slices of series
// (hydrateLive, a task each) while the wall still shows the snapshot, then the
// review ends and that state lands in one tick: at the series cap, building
// its records in one task was a long one. The store takes no live deltas
// during a review, so those that come while the slices are taken are held
// here: the ones the host sent before its reply are already in the state (one
// ordered channel), the ones after its seq follow it in order. If they skip a
// seq (a delta dropped on the way), or the host restarts meanwhile (its seq
// starting over), the state is fetched again. Only the review being left is
// ended: one opened meanwhile stays, and so does this one when notes were
// written on it after the click (the banner then asks before dropping them).
import type { ConsoleStateFeed } from '../../../../shared/api/contract';
import type { ConsoleDelta } from '../../../../shared/api/console-state';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';
import type { ReviewSession } from '../../store/review-slice';
import { hydrateLive, type HydrationOptions } from '../../store/live-hydration';

/** Fetches before giving up when every state is followed by a gap in the deltas. */
const MAX_FETCHES = 3;

export interface ExitOptions {
  api?: ConsoleStateFeed;
  /** Ends the current task between slices (tests pass their own). */
  yieldTask?: HydrationOptions['yieldTask'];
}

/**
 * Whether `left` is still on screen. Edits (playback, notes, a save) copy the
 * session but keep the file's points; opening a file brings new ones.
 */
const stillOn = (left: ReviewSession): boolean =>
  useConsoleStore.getState().review?.snapshot.points === left.snapshot.points;

/** Notes or annotations written after the click, not saved: leaving would drop them unasked. */
function editedSince(left: ReviewSession): boolean {
  const now = useConsoleStore.getState().review;
  return (
    now !== undefined &&
    now.unsaved &&
    (now.notes !== left.notes || now.annotations !== left.annotations)
  );
}

/** The held deltas after `seq`, in order, or undefined when one is missing. */
function deltasAfter(held: readonly ConsoleDelta[], seq: number): ConsoleDelta[] | undefined {
  const after = held.filter((delta) => delta.seq > seq);
  return after.every((delta, index) => delta.seq === seq + index + 1) ? after : undefined;
}

export async function exitReview({ api = getConsoleApi(), yieldTask }: ExitOptions = {}) {
  const left = useConsoleStore.getState().review;
  if (!left) return;
  let held: ConsoleDelta[] = [];
  /** Host restarts seen (a delta's seq not above the last one's): a state from before is stale. */
  let restarts = 0;
  const off = api.onDelta((delta) => {
    const last = held.at(-1);
    if (last && delta.seq <= last.seq) {
      held = [];
      restarts += 1;
    }
    held.push(delta);
  });
  try {
    for (let fetches = 0; fetches < MAX_FETCHES; fetches += 1) {
      const restartsBefore = restarts;
      const state = await api.getState();
      const live = await hydrateLive(state, {
        stillWanted: () => stillOn(left),
        progress: () => {},
        ...(yieldTask ? { yieldTask } : {}),
      });
      // Left meanwhile (another exit, another file opened): nothing to land.
      if (!live || !stillOn(left) || editedSince(left)) return;
      const following = deltasAfter(held, state.seq);
      if (!following || restarts !== restartsBefore) continue;
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
