// One thing the operator must know, in words, until dismissed: the one look
// for host notices, unsaved settings and snapshots that would not open.
// The text is rendered as text, never as HTML (it may quote a file's name).

interface NoticeProps {
  text: string;
  onDismiss(): void;
  testId: string;
  /** The dismiss button's accessible name, where several notices can be shown. */
  dismissLabel?: string;
}

export function Notice({ text, onDismiss, testId, dismissLabel }: NoticeProps) {
  return (
    <div className="notice" role="alert" data-testid={testId}>
      <span className="notice__icon" aria-hidden="true">
        ⚠
      </span>
      <p className="notice__text">{text}</p>
      <button
        type="button"
        className="button notice__dismiss"
        aria-label={dismissLabel}
        onClick={onDismiss}
      >
        Dismiss
      </button>
    </div>
  );
}
