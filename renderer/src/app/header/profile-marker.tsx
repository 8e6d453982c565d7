// Says, in the header, that this console cannot act: the display profile.
import { useConsoleStore } from '../../store/console-store';

export function ProfileMarker() {
  const display = useConsoleStore((store) => store.profile === 'display');
  if (!display) return null;
  return (
    <span
      className="profile-marker"
      data-testid="profile-marker"
      title="This console shows the floor but cannot act on it"
    >
      <span aria-hidden="true">◉ </span>Display profile: read-only
    </span>
  );
}
