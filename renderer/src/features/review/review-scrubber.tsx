// The time scrubber: a slider over the snapshot's window, the instant it
// shows, play at 1×, 10× or 60× and pause, and a list of moments to jump to.
// The slider moves the instant at once; the wall follows at most four times
// a second (review-projection). Arrow keys step a second (Shift: ten),
// Page Up / Down a minute, Home / End to the window's ends.
import { useId, useMemo, type KeyboardEvent } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { reviewMoments } from './review-moments';
import { PLAY_SPEEDS, useReviewPlayback } from './review-playback';
import { formatIntoWindow, formatReviewTime } from './review-time-format';

const KEY_STEPS_MS: Record<string, number> = {
  ArrowLeft: -1_000,
  ArrowDown: -1_000,
  ArrowRight: 1_000,
  ArrowUp: 1_000,
  PageDown: -60_000,
  PageUp: 60_000,
};

export function ReviewScrubber() {
  const review = useConsoleStore((store) => store.review);
  const setAt = useConsoleStore((store) => store.setReviewAt);
  const playback = useReviewPlayback();
  const sliderId = useId();
  const jumpId = useId();
  const snapshot = review?.snapshot;
  const annotations = review?.annotations;
  const moments = useMemo(
    () => (snapshot && annotations ? reviewMoments(snapshot, annotations) : []),
    [snapshot, annotations],
  );
  if (!review) return null;
  const { at } = review;
  const { from, to } = review.snapshot.meta.window;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = KEY_STEPS_MS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    setAt(at + step * (event.shiftKey ? 10 : 1));
  };

  return (
    <div className="review-scrubber" role="group" aria-label="Time in the snapshot">
      <div className="review-scrubber__play" role="group" aria-label="Playback">
        {PLAY_SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            className="button button--small"
            aria-pressed={playback.speed === speed}
            aria-label={`Play at ${speed}×`}
            data-testid={`review-play-${speed}`}
            onClick={() => playback.play(speed)}
          >
            <span aria-hidden="true">▶ </span>
            {speed}×
          </button>
        ))}
        <button
          type="button"
          className="button button--small"
          disabled={playback.speed === undefined}
          data-testid="review-pause"
          onClick={playback.pause}
        >
          <span aria-hidden="true">❚❚ </span>Pause
        </button>
      </div>
      <label className="visually-hidden" htmlFor={sliderId}>
        Reviewed instant
      </label>
      <input
        id={sliderId}
        className="review-scrubber__slider"
        type="range"
        min={from}
        max={to}
        step={1}
        value={at}
        aria-valuetext={formatReviewTime(at)}
        data-testid="review-scrubber"
        onChange={(event) => setAt(Number(event.target.value))}
        onKeyDown={onKeyDown}
      />
      <output
        className="review-scrubber__time"
        htmlFor={sliderId}
        data-testid="review-time"
        data-at={at}
      >
        <time dateTime={new Date(at).toISOString()}>{formatReviewTime(at)}</time>
        <span className="review-scrubber__offset">{formatIntoWindow(from, at)}</span>
      </output>
      {moments.length > 0 && (
        <div className="review-scrubber__jump">
          <label htmlFor={jumpId}>Jump to</label>
          <select
            id={jumpId}
            value=""
            data-testid="review-jump"
            onChange={(event) => {
              if (event.target.value) setAt(Number(event.target.value));
            }}
          >
            <option value="">a moment…</option>
            {moments.map((moment, index) => (
              <option key={`${moment.at}-${index}`} value={moment.at}>
                {formatReviewTime(moment.at)} · {moment.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
