// What the host says the operator must know about the console itself (a
// settings file restored from a backup, say), until the operator dismisses it.
import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore } from '../store/console-store';
import { Notice } from '../ui/notice';

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
        <Notice
          key={notice}
          text={notice}
          testId="notice"
          dismissLabel={`Dismiss notice: ${notice}`}
          onDismiss={() => dismiss(notice)}
        />
      ))}
    </div>
  );
}
