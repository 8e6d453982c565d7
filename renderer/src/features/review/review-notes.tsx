// The review's own words: the incident notes, the annotations (each a jump
// to its instant), a form to add one, and "Save" to write them into the file.
import { useId } from 'react';
import { SNAPSHOT_LIMITS } from '../../../../shared/api/snapshot';
import { useConsoleStore } from '../../store/console-store';
import { useHostCall } from '../../ui/host-call';
import { ReviewAnnotationForm } from './review-annotation-form';
import { saveReview } from './review-save';
import { formatReviewTime } from './review-time-format';

export function ReviewNotes({ id }: { id: string }) {
  const review = useConsoleStore((store) => store.review);
  const setNotes = useConsoleStore((store) => store.setReviewNotes);
  const setAt = useConsoleStore((store) => store.setReviewAt);
  const remove = useConsoleStore((store) => store.removeReviewAnnotation);
  const save = useHostCall('Could not save the notes');
  const notesId = useId();
  if (!review) return null;
  const titles = new Map(review.snapshot.series.map((s) => [s.key, s.title]));

  return (
    <section className="review-notes" id={id} aria-label="Notes and annotations">
      <div className="field review-notes__incident">
        <label htmlFor={notesId}>Incident notes</label>
        <textarea
          id={notesId}
          rows={4}
          value={review.notes}
          maxLength={SNAPSHOT_LIMITS.notesChars}
          data-testid="review-notes"
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <div className="review-notes__annotations">
        <h2 className="review-notes__heading">Annotations</h2>
        {review.annotations.length === 0 ? (
          <p className="field__hint">No annotations yet.</p>
        ) : (
          <ol className="review-notes__list">
            {review.annotations.map((annotation) => (
              <li
                key={annotation.id}
                className={`review-annotation${annotation.at > review.at ? ' review-annotation--later' : ''}`}
                data-testid="review-annotation"
                data-at={annotation.at}
              >
                <button
                  type="button"
                  className="link-button review-annotation__at"
                  title="Go to this instant"
                  onClick={() => setAt(annotation.at)}
                >
                  {formatReviewTime(annotation.at)}
                </button>
                {annotation.seriesKey && (
                  <span className="review-annotation__series">
                    {titles.get(annotation.seriesKey) ?? annotation.seriesKey}
                  </span>
                )}
                <span className="review-annotation__text">{annotation.text}</span>
                <span className="review-annotation__author">by {annotation.author}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Remove the note "${annotation.text.slice(0, 60)}"`}
                  onClick={() => remove(annotation.id)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <ReviewAnnotationForm />
      </div>
      <div className="review-notes__save">
        <button
          type="button"
          className="button button--primary"
          disabled={!review.unsaved || save.busy}
          data-testid="review-save"
          onClick={() => void save.run(saveReview)}
        >
          {save.busy ? 'Saving…' : 'Save notes'}
        </button>
        <span className="field__hint" data-testid="review-save-state" role="status">
          {review.unsaved ? 'Unsaved changes' : `Saved in ${review.fileName}`}
        </span>
        {save.error && (
          <p className="form-error" role="alert" data-testid="review-save-error">
            {save.error}
          </p>
        )}
      </div>
    </section>
  );
}
