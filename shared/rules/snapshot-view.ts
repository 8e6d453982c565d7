// A snapshot as the wall showed it at one instant, for the review mode's
// time scrubber: points up to that instant, alerts in the state their
// timeline gives them then, actions in the state the audit log gives them then.
import type { Alert, AlertTransition } from '../api/alerts';
import type { AuditEntry } from '../api/audit';
import type { ActionRecord } from '../api/actions';
import type { Points } from '../api/series';
import type { ActionState } from '../protocol';
import type { Snapshot, SnapshotView } from '../api/snapshot';

/** `at` defaults to the end of the window: the wall as it was at export. */
export function snapshotToState(snapshot: Snapshot, at = snapshot.meta.window.to): SnapshotView {
  const points = pointsUntil(snapshot.points, at);
  const audit = snapshot.audit.filter((entry) => Date.parse(entry.at) <= at);
  return {
    at,
    meta: snapshot.meta,
    endpoints: snapshot.endpoints,
    series: snapshot.series,
    points,
    deployments: snapshot.deployments,
    actions: actionsAt(snapshot.actions, audit, at),
    events: snapshot.events.filter((event) => Date.parse(event.time) <= at),
    alerts: alertsAt(snapshot.alerts, snapshot.alertTimeline, points, at),
    alertTimeline: snapshot.alertTimeline.filter((transition) => transition.at <= at),
    audit,
    annotations: snapshot.annotations.filter((annotation) => annotation.at <= at),
    releases: snapshot.releases,
  };
}

function pointsUntil(all: Record<string, Points>, at: number): Record<string, Points> {
  const out: Record<string, Points> = {};
  for (const [key, { t, v }] of Object.entries(all)) {
    const end = upperBound(t, at);
    out[key] = end === t.length ? { t, v } : { t: t.slice(0, end), v: v.slice(0, end) };
  }
  return out;
}

/** How many of the sorted `times` are ≤ at. */
export function upperBound(times: readonly number[], at: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function alertsAt(
  alerts: Alert[],
  timeline: AlertTransition[],
  points: Record<string, Points>,
  at: number,
): Alert[] {
  const byAlert = new Map<string, AlertTransition[]>();
  for (const transition of timeline) {
    const list = byAlert.get(transition.alertId) ?? [];
    list.push(transition);
    byAlert.set(transition.alertId, list);
  }
  const shown = alerts
    .map((alert) => alertAt(alert, byAlert.get(alert.id), points[alert.seriesKey], at))
    .filter((alert): alert is Alert => alert !== undefined);
  const open = shown.filter((alert) => alert.state !== 'resolved');
  const resolved = shown
    .filter((alert) => alert.state === 'resolved')
    .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0));
  return [...open, ...resolved];
}

/**
 * The alert as it was at `at`, or undefined if it had not started. Its own
 * transitions decide; when the timeline lost them (it is bounded), its
 * since / firedAt / resolvedAt times do.
 */
function alertAt(
  alert: Alert,
  transitions: AlertTransition[] | undefined,
  series: Points | undefined,
  at: number,
): Alert | undefined {
  const state = transitions ? stateFromTimeline(transitions, at) : stateFromTimes(alert, at);
  if (!state) return undefined;
  const { firedAt, resolvedAt, acknowledged } = alert;
  const rest: Alert = { ...alert };
  // Times and value of the export moment; the ones valid at `at` are set below.
  delete rest.firedAt;
  delete rest.resolvedAt;
  delete rest.acknowledged;
  delete rest.value;
  const value = valueAt(series, at) ?? lastValue(transitions, at);
  const firing = transitions?.find((t) => t.state === 'firing' && t.at <= at)?.at ?? firedAt;
  return {
    ...rest,
    state,
    severity: severityAt(alert, transitions, at),
    ...(firing !== undefined && firing <= at ? { firedAt: firing } : {}),
    ...(state === 'resolved' ? { resolvedAt: resolvedTime(transitions, resolvedAt, at) } : {}),
    ...(acknowledged && acknowledged.at <= at ? { acknowledged } : {}),
    ...(value === undefined ? {} : { value }),
  };
}

function stateFromTimeline(transitions: AlertTransition[], at: number): Alert['state'] | undefined {
  let state: Alert['state'] | undefined;
  for (const transition of transitions) if (transition.at <= at) state = transition.state;
  return state;
}

function stateFromTimes(alert: Alert, at: number): Alert['state'] | undefined {
  if (alert.resolvedAt !== undefined && alert.resolvedAt <= at) return 'resolved';
  if (alert.firedAt !== undefined && alert.firedAt <= at) return 'firing';
  return alert.since <= at ? 'pending' : undefined;
}

/**
 * Transitions carry no severity. The alert engine only ever escalates a
 * warning to critical, with an "escalated to critical" note: before that
 * note, a critical alert was a warning.
 */
function severityAt(
  alert: Alert,
  transitions: AlertTransition[] | undefined,
  at: number,
): Alert['severity'] {
  const escalation = transitions?.find((t) => t.note.startsWith('escalated to'));
  return escalation && escalation.at > at && alert.severity === 'critical'
    ? 'warning'
    : alert.severity;
}

function resolvedTime(
  transitions: AlertTransition[] | undefined,
  resolvedAt: number | undefined,
  at: number,
): number {
  const last = transitions?.filter((t) => t.state === 'resolved' && t.at <= at).at(-1);
  return last?.at ?? resolvedAt ?? at;
}

/** The series value the wall showed at `at`. */
function valueAt(series: Points | undefined, at: number): number | undefined {
  if (!series) return undefined;
  const end = upperBound(series.t, at);
  return end === 0 ? undefined : series.v[end - 1];
}

function lastValue(transitions: AlertTransition[] | undefined, at: number): number | undefined {
  return transitions?.filter((t) => t.at <= at && t.value !== undefined).at(-1)?.value;
}

/**
 * Actions submitted by `at`, in the state of their last audit entry by then.
 * Without audit entries for an action, its final state shows once it was
 * reached (updatedAt), and `pending` before.
 */
function actionsAt(actions: ActionRecord[], audit: AuditEntry[], at: number): ActionRecord[] {
  const lastByKey = new Map<string, { state: ActionState; at: number }>();
  for (const entry of audit) {
    lastByKey.set(`${entry.endpointId}\u0000${entry.key}`, {
      state: entry.state,
      at: Date.parse(entry.at),
    });
  }
  return actions
    .filter((action) => action.submittedAt <= at)
    .map((action) => {
      const logged = lastByKey.get(`${action.endpointId}\u0000${action.key}`);
      if (logged) return { ...action, state: logged.state, updatedAt: logged.at };
      if (action.updatedAt <= at) return action;
      return { ...action, state: 'pending', updatedAt: action.submittedAt };
    });
}
