// Says, above everything, that the wall shows a snapshot and not the floor:
// which file, its title, its window and who exported it, with the way back.
// Every word from the file is text, never markup.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore } from '../../store/console-store';
import { useHostCall } from '../../ui/host-call';
import { exitReview } from './review-exit';
import { formatReviewRange } from './review-time-format';

export function ReviewBanner() {
  const shown = useConsoleStore(
    useShallow((store) => {
      const review = store.review;
      if (!review) return undefined;
      const { title, window, createdBy } = review.snapshot.meta;
      return {
        fileName: review.fileName,
        title,
        from: window.from,
        to: window.to,
        createdBy,
        unsaved: review.unsaved,
        historyRecorded: review.snapshot.history.recorded,
        omitted: review.snapshot.omitted?.seriesCount ?? 0,
      };
    }),
  );
  const exit = useHostCall('Could not go back to the live console');
  // Unsaved notes are not dropped on one click: the first one says so.
  const [discarding, setDiscarding] = useState(false);
  if (!shown) return null;
  const leave = () => {
    if (shown.unsaved && !discarding) return setDiscarding(true);
    setDiscarding(false);
    void exit.run(exitReview);
  };
  return (
    <div
      className="review-banner"
      role="status"
      data-testid="review-banner"
      data-file-name={shown.fileName}
    >
      <span className="review-banner__tag">Review</span>
      <span className="review-banner__what">
        <span className="review-banner__title" data-testid="review-title">
          {shown.title}
        </span>
        <span className="review-banner__file" data-testid="review-file">
          {shown.fileName}
        </span>
      </span>
      <span className="review-banner__range" data-testid="review-range">
        {formatReviewRange(shown.from, shown.to)}, exported by {shown.createdBy}
      </span>
      <span className="review-banner__note">Not live: actions are off.</span>
      {!shown.historyRecorded && (
        <p className="review-banner__history" data-testid="review-no-history">
          Deployment history was not recorded in this file (an older format): deployments, releases
          and links show as they were at export, at every instant.
        </p>
      )}
      {shown.omitted > 0 && (
        <p className="review-banner__history" data-testid="review-omitted">
          {shown.omitted} series were left out of this file by its size limits.
        </p>
      )}
      <button
        type="button"
        className="button review-banner__exit"
        disabled={exit.busy}
        data-testid="review-exit"
        onClick={leave}
      >
        {exit.busy
          ? 'Going back…'
          : shown.unsaved && discarding
            ? 'Exit and discard notes'
            : 'Exit review'}
      </button>
      {shown.unsaved && discarding && (
        <p className="form-error" role="alert" data-testid="review-exit-unsaved">
          The notes and annotations are not saved: save them first, or exit again to discard them.
        </p>
      )}
      {exit.error && (
        <p className="form-error" role="alert" data-testid="review-exit-error">
          {exit.error}
        </p>
      )}
    </div>
  );
}
