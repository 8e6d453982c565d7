// Everything review mode adds above the wall: the banner, the time scrubber,
// the report, and (on request) the notes and annotations.
import { useId, useState } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { ReviewBanner } from './review-banner';
import { ReviewNotes } from './review-notes';
import { ReviewReportControl } from './review-report-control';
import { ReviewScrubber } from './review-scrubber';

export function ReviewPanel() {
  const reviewing = useConsoleStore((store) => store.review !== undefined);
  const annotations = useConsoleStore((store) => store.review?.annotations.length ?? 0);
  const unsaved = useConsoleStore((store) => store.review?.unsaved ?? false);
  const [notesOpen, setNotesOpen] = useState(false);
  const notesId = useId();
  if (!reviewing) return null;
  return (
    <section className="review" aria-label="Snapshot review" data-testid="review">
      <ReviewBanner />
      <div className="review__bar">
        <ReviewScrubber />
        <div className="review__tools">
          <button
            type="button"
            className="button button--small"
            aria-expanded={notesOpen}
            aria-controls={notesId}
            data-testid="review-notes-toggle"
            onClick={() => setNotesOpen(!notesOpen)}
          >
            Notes and annotations ({annotations}){unsaved ? ' · unsaved' : ''}
          </button>
          <ReviewReportControl />
        </div>
      </div>
      {notesOpen && <ReviewNotes id={notesId} />}
    </section>
  );
}
