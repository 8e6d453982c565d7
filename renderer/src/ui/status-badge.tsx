// A series status told three ways at once: colour, shape and word, so it reads
// on a colour-blind operator's screen and on a washed-out projector.
import type { ReadingStatus } from '../store/series-reading';

const LOOK: Record<ReadingStatus, { icon: string; text: string }> = {
  ok: { icon: '✓', text: 'OK' },
  warning: { icon: '▲', text: 'WARNING' },
  critical: { icon: '✖', text: 'CRITICAL' },
  // Drawn in CSS: many fonts (Linux walls especially) have no ⏸ glyph.
  stale: { icon: '', text: 'STALE' },
  nodata: { icon: '–', text: 'NO DATA' },
  error: { icon: '!', text: 'ERROR' },
};

/** The status's shape; it never depends on colour alone. */
export function StatusIcon({ status }: { status: ReadingStatus }) {
  return (
    <span className={`status-icon status-icon--${status}`} aria-hidden="true">
      {LOOK[status].icon}
    </span>
  );
}

interface StatusBadgeProps {
  status: ReadingStatus;
  /** Put on the word alone, so tests read "OK" without the icon. */
  textTestId?: string;
}

export function StatusBadge({ status, textTestId }: StatusBadgeProps) {
  return (
    <span className={`status-badge status-badge--${status}`}>
      <StatusIcon status={status} />
      <span className="status-badge__word" data-testid={textTestId}>
        {LOOK[status].text}
      </span>
    </span>
  );
}
