// Alert transitions, newest first: when, which alert, to what state, and why.
import type { Alert, AlertTransition } from '../../../../shared/api/alerts';
import { useConsoleStore } from '../../store/console-store';
import { AlertStateBadge } from './alert-state-badge';
import { formatClock, isoTime } from '../../ui/clock-format';
import { formatValue } from '../../ui/value-format';

interface AlertTimelineProps {
  transitions: AlertTransition[];
  /** Leave out the alert's title (a series' own history). */
  titled?: boolean;
  limit?: number;
}

export function AlertTimeline({ transitions, titled = true, limit = 300 }: AlertTimelineProps) {
  const alerts = useConsoleStore((store) => store.alerts);
  const series = useConsoleStore((store) => store.series);
  if (transitions.length === 0) {
    return <p className="alerts__empty">No alert transitions yet.</p>;
  }
  const byId = new Map(alerts.map((alert) => [alert.id, alert]));
  const now = Date.now();
  const newestFirst = transitions.slice(-limit).reverse();
  return (
    <ol className="alert-timeline" data-testid="alert-timeline">
      {newestFirst.map((transition, index) => {
        const alert = byId.get(transition.alertId);
        const unit = alert ? (series[alert.seriesKey]?.unit ?? '') : '';
        return (
          <TimelineEntry
            key={`${transition.alertId}-${transition.at}-${index}`}
            transition={transition}
            alert={alert}
            unit={unit}
            titled={titled}
            now={now}
          />
        );
      })}
    </ol>
  );
}

interface TimelineEntryProps {
  transition: AlertTransition;
  alert: Alert | undefined;
  unit: string;
  titled: boolean;
  now: number;
}

function TimelineEntry({ transition, alert, unit, titled, now }: TimelineEntryProps) {
  const value = transition.value === undefined ? undefined : formatValue(transition.value, unit);
  return (
    <li
      className="alert-timeline__entry"
      data-testid="alert-transition"
      data-alert-id={transition.alertId}
      data-state={transition.state}
      data-at={transition.at}
    >
      <time className="alert-timeline__time" dateTime={isoTime(transition.at)}>
        {formatClock(transition.at, now)}
      </time>
      {titled && (
        <span className="alert-timeline__title">{alert?.title ?? transition.alertId}</span>
      )}
      <AlertStateBadge state={transition.state} />
      <span className="alert-timeline__note">
        {transition.note}
        {value && ` (${`${value.text} ${value.unit}`.trim()})`}
      </span>
    </li>
  );
}
