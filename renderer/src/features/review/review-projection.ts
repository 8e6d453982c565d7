// Draws the wall from the snapshot under review: whenever the session's
// snapshot or instant changes, the state at that instant replaces the store's,
// at most four times a second (the last change always lands). A scrubber
// dragged or a playback at 60× moves the wall no faster than that.
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { reviewConsoleState } from './review-console-state';

export const REVIEW_FRAME_MS = 250;

const sessionMoves = (store: ConsoleStore) => [store.review?.snapshot, store.review?.at] as const;
const samePair = (a: readonly unknown[], b: readonly unknown[]) => a[0] === b[0] && a[1] === b[1];

export function startReviewProjection(): () => void {
  let timer: number | undefined;
  let lastAt = -Infinity;

  const project = () => {
    timer = undefined;
    const store = useConsoleStore.getState();
    // Left since it was scheduled: the live state is already back.
    if (!store.review) return;
    lastAt = performance.now();
    const { snapshot, at } = store.review;
    store.applyState(reviewConsoleState(snapshot, at, store.settings));
  };

  const off = useConsoleStore.subscribe(
    sessionMoves,
    ([snapshot], [previous]) => {
      if (!snapshot) {
        window.clearTimeout(timer);
        timer = undefined;
        return;
      }
      if (timer !== undefined) return;
      const wait =
        snapshot === previous ? Math.max(0, lastAt + REVIEW_FRAME_MS - performance.now()) : 0;
      if (wait === 0) project();
      else timer = window.setTimeout(project, wait);
    },
    { equalityFn: samePair },
  );
  return () => {
    off();
    window.clearTimeout(timer);
  };
}
