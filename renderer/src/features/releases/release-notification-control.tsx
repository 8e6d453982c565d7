// Desktop notifications for gate changes need the operator's permission,
// which a browser asks for only on a user gesture: this button.
import { useState } from 'react';
import { notificationsSupported } from '../../ui/alert-notifications';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission =>
  notificationsSupported() ? Notification.permission : 'unsupported';

export function ReleaseNotificationControl() {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  if (permission === 'default') {
    return (
      <button
        type="button"
        className="button button--small"
        data-testid="release-notifications-enable"
        onClick={() => void Notification.requestPermission().then(setPermission)}
      >
        Notify me when a gate fails or a ring is ready
      </button>
    );
  }
  return (
    <p className="release-notifications" data-testid="release-notifications-state">
      {permission === 'granted'
        ? 'A failing gate or a ring ready to promote raises a desktop notification.'
        : permission === 'denied'
          ? 'Notifications are blocked for this console in the site settings.'
          : 'This browser cannot show notifications.'}
    </p>
  );
}
