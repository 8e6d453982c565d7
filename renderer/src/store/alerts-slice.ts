// Alerts as the core raises them (the renderer never re-evaluates thresholds)
// and the timeline of their transitions, always in time order. Open alerts come
// first, the worst and oldest on top; then the resolved ones, newest first. A
// pending that cleared before firing is no alert: only the timeline keeps it.
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import { neverFired } from '../../../shared/rules/status-model';
import type { ConsoleSliceCreator } from './console-store';
import { replaceById } from './replace-by-id';

export const KEEP_RESOLVED = 200;
export const KEEP_TRANSITIONS = 2_000;

export interface AlertsSlice {
  alerts: Alert[];
  alertTimeline: AlertTransition[];
  /**
   * Alerts the latest delta turned into firing criticals (new, or escalated
   * from pending or warning). Never set from a full state: a reload or a
   * reconnect raises nothing.
   */
  alertsRaised: Alert[];
}

export const createAlertsSlice: ConsoleSliceCreator<AlertsSlice> = () => ({
  alerts: [],
  alertTimeline: [],
  alertsRaised: [],
});

const isFiringCritical = (alert: Alert | undefined): boolean =>
  alert?.state === 'firing' && alert.severity === 'critical';

const SEVERITY_RANK: Record<Alert['severity'], number> = {
  critical: 0,
  warning: 1,
  stale: 2,
  nodata: 3,
};

export const isOpenAlert = (alert: Alert): boolean => alert.state !== 'resolved';

function byUrgency(a: Alert, b: Alert): number {
  if (a.state !== b.state) return a.state === 'firing' ? -1 : 1;
  const rank = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return rank !== 0 ? rank : a.since - b.since;
}

export function orderAlerts(alerts: Alert[]): Alert[] {
  const open = alerts.filter(isOpenAlert).sort(byUrgency);
  const resolved = alerts
    .filter((alert) => !isOpenAlert(alert) && !neverFired(alert))
    .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0))
    .slice(0, KEEP_RESOLVED);
  return open.concat(resolved);
}

export function alertsFromState(state: ConsoleState): AlertsSlice {
  return {
    alerts: orderAlerts(state.alerts),
    alertTimeline: inTimeOrder(state.alertTimeline).slice(-KEEP_TRANSITIONS),
    alertsRaised: [],
  };
}

export function mergeAlerts(slice: AlertsSlice, delta: ConsoleDelta): Partial<AlertsSlice> {
  const next: Partial<AlertsSlice> = {};
  if (delta.alerts?.length) {
    next.alerts = orderAlerts(replaceById(slice.alerts, delta.alerts, (alert) => alert.id));
    const before = new Map(slice.alerts.map((alert) => [alert.id, alert]));
    const raised = delta.alerts.filter(
      (alert) => isFiringCritical(alert) && !isFiringCritical(before.get(alert.id)),
    );
    if (raised.length || slice.alertsRaised.length) next.alertsRaised = raised;
  }
  if (delta.alertTransitions?.length) {
    next.alertTimeline = inTimeOrder(slice.alertTimeline.concat(delta.alertTransitions)).slice(
      -KEEP_TRANSITIONS,
    );
  }
  return next;
}

/** Stable: transitions at the same instant keep the order they were recorded in. */
export function inTimeOrder(transitions: AlertTransition[]): AlertTransition[] {
  const ordered = transitions.every(
    (t, i) => i === 0 || (transitions[i - 1] as AlertTransition).at <= t.at,
  );
  return ordered ? transitions : [...transitions].sort((a, b) => a.at - b.at);
}
