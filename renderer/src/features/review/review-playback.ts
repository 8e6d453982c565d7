// Plays the snapshot back at 1×, 10× or 60×: the reviewed instant moves on by
// the real time elapsed times the speed, in steps of REVIEW_FRAME_MS (the
// projection draws no faster), and playback stops at the window's end.
import { useEffect, useState } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { REVIEW_FRAME_MS } from './review-projection';

export const PLAY_SPEEDS = [1, 10, 60] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

export interface ReviewPlayback {
  /** Undefined while paused. */
  speed: PlaySpeed | undefined;
  play(speed: PlaySpeed): void;
  pause(): void;
}

export function useReviewPlayback(): ReviewPlayback {
  const [speed, setSpeed] = useState<PlaySpeed>();

  useEffect(() => {
    if (speed === undefined) return;
    let last = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      const store = useConsoleStore.getState();
      const review = store.review;
      if (!review) return setSpeed(undefined);
      const next = review.at + (now - last) * speed;
      last = now;
      store.setReviewAt(next);
      if (next >= review.snapshot.meta.window.to) setSpeed(undefined);
    }, REVIEW_FRAME_MS);
    return () => window.clearInterval(timer);
  }, [speed]);

  const play = (wanted: PlaySpeed) => {
    const store = useConsoleStore.getState();
    const review = store.review;
    if (!review) return;
    // From the end, play starts over.
    const { from, to } = review.snapshot.meta.window;
    if (review.at >= to) store.setReviewAt(from);
    setSpeed(wanted);
  };

  return { speed, play, pause: () => setSpeed(undefined) };
}
