// Alert transitions, newest first: when, which alert, to what state, and why.
// Pending blips that cleared before firing were never alerts: they stay on the
// timeline, collapsed into one line an operator can open.
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
  const blips = blipIds(transitions);
  const recent = transitions.slice(-limit);
  const entries = (list: AlertTransition[]) =>
    list
      .slice()
      .reverse()
      .map((transition, index) => {
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
      });
  const collapsed = recent.filter((transition) => blips.has(transition.alertId));
  return (
    <>
      {collapsed.length > 0 && (
        <details className="alert-timeline__blips" data-testid="alert-blips">
          <summary>
            {countBlips(collapsed)} pending blip{countBlips(collapsed) > 1 ? 's' : ''} cleared
            before firing
          </summary>
          <ol className="alert-timeline">{entries(collapsed)}</ol>
        </details>
      )}
      <ol className="alert-timeline" data-testid="alert-timeline">
        {entries(recent.filter((transition) => !blips.has(transition.alertId)))}
      </ol>
    </>
  );
}

const countBlips = (list: AlertTransition[]): number =>
  new Set(list.map((transition) => transition.alertId)).size;

/** Alerts that went pending and were resolved without ever firing. */
function blipIds(transitions: AlertTransition[]): Set<string> {
  const fired = new Set<string>();
  const ended = new Set<string>();
  for (const transition of transitions) {
    if (transition.state === 'firing') fired.add(transition.alertId);
    if (transition.state === 'resolved') ended.add(transition.alertId);
  }
  return new Set([...ended].filter((id) => !fired.has(id)));
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
        <span className="alert-timeline__title">
          {alert?.title ?? transition.title ?? transition.alertId}
        </span>
      )}
      <AlertStateBadge state={transition.state} />
      <span className="alert-timeline__note">
        {transition.note}
        {value && ` (${`${value.text} ${value.unit}`.trim()})`}
      </span>
    </li>
  );
}
