// Adds a note at the reviewed instant, on the whole incident or on one
// series. It lands in the review's annotations; "Save" writes them to the file.
import { useId, useState, type FormEvent } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { formatReviewTime } from './review-time-format';

/** The host takes annotation texts up to this length (shared/api/snapshot-files.ts). */
const MAX_TEXT = 2_000;

function annotationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function ReviewAnnotationForm() {
  const at = useConsoleStore((store) => store.review?.at);
  const series = useConsoleStore((store) => store.review?.snapshot.series);
  const author = useConsoleStore((store) => store.settings.operator?.trim() || 'operator');
  const add = useConsoleStore((store) => store.addReviewAnnotation);
  const [text, setText] = useState('');
  const [seriesKey, setSeriesKey] = useState('');
  const [problem, setProblem] = useState<string>();
  const ids = { text: useId(), series: useId(), problem: useId() };
  if (at === undefined) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim();
    if (!wanted) return setProblem('Write the note first');
    setProblem(undefined);
    add({
      id: annotationId(),
      at,
      text: wanted,
      author,
      ...(seriesKey ? { seriesKey } : {}),
    });
    setText('');
  };

  return (
    <form className="review-annotation-form" onSubmit={submit} noValidate>
      <div className="field review-annotation-form__text">
        <label htmlFor={ids.text}>Note at {formatReviewTime(at)}</label>
        <input
          id={ids.text}
          type="text"
          value={text}
          maxLength={MAX_TEXT}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? ids.problem : undefined}
          data-testid="review-annotation-text"
          onChange={(event) => setText(event.target.value)}
        />
        {problem && (
          <p className="field__problem" id={ids.problem} role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.series}>About</label>
        <select
          id={ids.series}
          value={seriesKey}
          data-testid="review-annotation-series"
          onChange={(event) => setSeriesKey(event.target.value)}
        >
          <option value="">the whole incident</option>
          {(series ?? []).map((s) => (
            <option key={s.key} value={s.key}>
              {s.title} ({s.key})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" data-testid="review-annotation-add">
        Add note
      </button>
    </form>
  );
}
