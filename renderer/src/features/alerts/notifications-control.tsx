// Desktop notifications for critical alerts need the operator's permission,
// which a browser only asks for on a user gesture: this button.
import { useState } from 'react';
import { notificationsSupported } from '../../ui/alert-notifications';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission =>
  notificationsSupported() ? Notification.permission : 'unsupported';

export function NotificationsControl() {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  if (permission === 'granted') {
    return (
      <p className="notifications notifications--on" data-testid="notifications-state">
        <span aria-hidden="true">✓ </span>Critical alerts raise a desktop notification.
      </p>
    );
  }
  if (permission === 'denied' || permission === 'unsupported') {
    return (
      <p className="notifications" data-testid="notifications-state">
        <span aria-hidden="true">⊘ </span>
        {permission === 'denied'
          ? 'Notifications are blocked for this console in the browser’s site settings.'
          : 'This browser cannot show notifications.'}
      </p>
    );
  }
  return (
    <button
      type="button"
      className="button"
      data-testid="notifications-enable"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      Enable notifications
    </button>
  );
}
