// What the host says the operator must know about the console itself (a
// settings file restored from a backup, say), until the operator dismisses it.
import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore } from '../store/console-store';

export function NoticeBanners() {
  const notices = useConsoleStore(
    useShallow((store) =>
      store.notices.filter((notice) => !store.dismissedNotices.includes(notice)),
    ),
  );
  const dismiss = useConsoleStore((store) => store.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice} className="notice" role="alert" data-testid="notice">
          <span className="notice__icon" aria-hidden="true">
            ⚠
          </span>
          <p className="notice__text">{notice}</p>
          <button
            type="button"
            className="button notice__dismiss"
            aria-label={`Dismiss notice: ${notice}`}
            onClick={() => dismiss(notice)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
