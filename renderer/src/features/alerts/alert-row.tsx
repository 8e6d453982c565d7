// One alert in the alerts view's table: severity, what, state, since, value,
// and who acknowledged it when, or the button to do so. The service's version
// is the one that ran when the alert started.
import type { Alert } from '../../../../shared/api/alerts';
import { getConsoleApi } from '../../bridge/console-bridge';
import { selectEndpointLabel } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';
import { AlertStateBadge } from './alert-state-badge';
import { useAlertValue } from './alert-value';
import { formatClock, formatSpan, isoTime } from '../../ui/clock-format';
import { useHostCall } from '../../ui/host-call';
import { useNow } from '../../ui/now-ticker';
import { StatusBadge } from '../../ui/status-badge';

interface AlertRowProps {
  alert: Alert;
  /** Display profile or kiosk: nothing is acknowledged from here. */
  readOnly: boolean;
}

export function AlertRow({ alert, readOnly }: AlertRowProps) {
  const now = useNow();
  const openDetail = useConsoleStore((store) => store.openDetail);
  const known = useConsoleStore((store) => alert.seriesKey in store.series);
  const endpointLabel = useConsoleStore(selectEndpointLabel(alert.endpointId));
  const value = useAlertValue(alert, alert.value);
  const acknowledge = useHostCall('Could not acknowledge');
  const open = alert.state !== 'resolved';
  const until = alert.resolvedAt ?? now;
  return (
    <tr
      className={`alert-row alert-row--${alert.state} alert-row--${alert.severity}`}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-series-key={alert.seriesKey}
      data-state={alert.state}
      data-severity={alert.severity}
      data-since={alert.since}
      data-fired-at={alert.firedAt}
      data-resolved-at={alert.resolvedAt}
      data-scope={alert.scope ?? 'series'}
    >
      <td>
        <StatusBadge status={alert.severity} />
      </td>
      <th scope="row" className="alert-row__title">
        {known ? (
          <button
            type="button"
            className="link-button"
            title="Open this series' detail"
            onClick={() => openDetail(alert.seriesKey)}
          >
            {alert.title}
          </button>
        ) : (
          alert.title
        )}
        {(endpointLabel ?? alert.service) && (
          <span className="alert-row__where">
            {/* What ran when the alert started, not what runs now. */}
            {[
              alert.service && [alert.service, alert.version].filter(Boolean).join(' '),
              endpointLabel,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </th>
      <td>
        <AlertStateBadge state={alert.state} />
        {alert.flapping && alert.state !== 'resolved' && (
          <span className="alert-row__span" data-testid="alert-flapping">
            FLAPPING: fired {alert.flapping.firings}× since {formatClock(alert.flapping.since, now)}
          </span>
        )}
      </td>
      <td className="alert-row__time">
        <time dateTime={isoTime(alert.since)}>{formatClock(alert.since, now)}</time>
        <span className="alert-row__span">
          {open ? 'for ' : 'lasted '}
          {formatSpan(until - alert.since)}
        </span>
        {alert.resolvedAt !== undefined && (
          <span className="alert-row__span">
            resolved{' '}
            <time dateTime={isoTime(alert.resolvedAt)}>{formatClock(alert.resolvedAt, now)}</time>
          </span>
        )}
      </td>
      <td className="alert-row__value">{value}</td>
      <td className="alert-row__ack">
        {alert.acknowledged ? (
          <span data-testid="alert-ack">
            <span aria-hidden="true">✓ </span>
            Acknowledged by <strong>{alert.acknowledged.by}</strong> at{' '}
            <time dateTime={isoTime(alert.acknowledged.at)}>
              {formatClock(alert.acknowledged.at, now)}
            </time>
          </span>
        ) : open && !readOnly ? (
          <button
            type="button"
            className="button"
            disabled={acknowledge.busy}
            aria-label={`Acknowledge ${alert.title}`}
            data-testid="alert-acknowledge"
            onClick={() => void acknowledge.run(() => getConsoleApi().acknowledgeAlert(alert.id))}
          >
            Acknowledge
          </button>
        ) : (
          <span className="alert-row__none">{open ? 'not acknowledged' : '–'}</span>
        )}
        {acknowledge.error && (
          <p className="form-error" role="alert">
            {acknowledge.error}
          </p>
        )}
      </td>
    </tr>
  );
}
