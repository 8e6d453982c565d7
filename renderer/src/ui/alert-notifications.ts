// A desktop notification for each alert that turns into a firing critical
// while the console watches (never for what a reload brings). The browser's
// Notification API serves both hosts: Electron shows it natively. Clicking it
// brings the window forward and opens that series' detail.
import type { Alert } from '../../../shared/api/alerts';
import { formatValue } from './value-format';
import { useConsoleStore } from '../store/console-store';

export const notificationsSupported = (): boolean => 'Notification' in window;

function notify(alert: Alert): void {
  const store = useConsoleStore.getState();
  const series = store.series[alert.seriesKey];
  const reading =
    alert.value === undefined ? undefined : formatValue(alert.value, series?.unit ?? '');
  const value = reading ? ` at ${reading.text} ${reading.unit}`.trimEnd() : '';
  const notification = new Notification(`CRITICAL: ${alert.title}`, {
    body: `${alert.title} is critical${value}. ${alert.service ? `Service ${alert.service}. ` : ''}Click to open it.`,
    tag: alert.id,
    requireInteraction: true,
  });
  notification.onclick = () => {
    window.focus();
    useConsoleStore.getState().openDetail(alert.seriesKey);
    notification.close();
  };
}

export function startAlertNotifications(): () => void {
  return useConsoleStore.subscribe(
    (store) => store.alertsRaised,
    (raised) => {
      if (!notificationsSupported() || Notification.permission !== 'granted') return;
      for (const alert of raised) notify(alert);
    },
  );
}
