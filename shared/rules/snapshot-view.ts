// A snapshot as the wall showed it at one instant, for the review mode's
// time scrubber: points up to that instant, alerts in the state their
// timeline gives them then, and deployments, releases, link states and
// actions as the snapshot's history gives them then (as exported, for a
// file that recorded no history). A pure function of (snapshot, instant).
import type { Alert, AlertTransition } from '../api/alerts';
import type { AuditEntry } from '../api/audit';
import type { ActionRecord } from '../api/actions';
import type { Points } from '../api/series';
import type { ActionState } from '../protocol';
import type { EndpointDeployments } from '../api/console-state';
import type { ReleaseStatus } from '../api/releases';
import type { Snapshot, SnapshotEndpoint, SnapshotHistory, SnapshotView } from '../api/snapshot';
import type { ConsoleSeries } from '../api/series';
import { changedBy, latestBySubject } from './snapshot-history-at';

/** `at` defaults to the end of the window: the wall as it was at export. */
export function snapshotToState(snapshot: Snapshot, at = snapshot.meta.window.to): SnapshotView {
  const points = pointsUntil(snapshot.points, at);
  const audit = snapshot.audit.filter((entry) => Date.parse(entry.at) <= at);
  const { history } = snapshot;
  return {
    at,
    meta: snapshot.meta,
    endpoints: endpointsAt(snapshot.endpoints, history, at),
    series: seriesAt(snapshot.series, history, snapshot.points, at),
    points,
    deployments: deploymentsAt(snapshot.deployments, history, at),
    actions: withHistory(actionsAt(snapshot.actions, audit, at), history, at),
    events: snapshot.events.filter((event) => Date.parse(event.time) <= at),
    alerts: alertsAt(snapshot.alerts, snapshot.alertTimeline, points, at),
    alertTimeline: snapshot.alertTimeline.filter((transition) => transition.at <= at),
    audit,
    annotations: snapshot.annotations.filter((annotation) => annotation.at <= at),
    releases: releasesAt(snapshot.releases, history, at),
    historyRecorded: history.recorded,
  };
}

/** The deployments alone at `at`, for callers that need no points (the report's sentences). */
export function snapshotDeploymentsAt(snapshot: Snapshot, at: number): EndpointDeployments[] {
  return deploymentsAt(snapshot.deployments, snapshot.history, at);
}

/** Each endpoint's deployments at `at`; an endpoint without recorded changes, as exported. */
function deploymentsAt(
  exported: EndpointDeployments[],
  history: SnapshotHistory,
  at: number,
): EndpointDeployments[] {
  const then = latestBySubject(
    history.deployments,
    (entry) => entry.deployments.endpointId,
    at,
    (entry) => entry.deployments,
  );
  const shown = exported.map((deployments) => then.get(deployments.endpointId) ?? deployments);
  const listed = new Set(exported.map((deployments) => deployments.endpointId));
  for (const [endpointId, deployments] of then)
    if (!listed.has(endpointId)) shown.push(deployments);
  return shown;
}

function releasesAt(
  exported: ReleaseStatus[],
  history: SnapshotHistory,
  at: number,
): ReleaseStatus[] {
  if (history.releases.length === 0) return exported;
  return (
    latestBySubject(
      history.releases,
      () => '',
      at,
      (entry) => entry.releases,
    ).get('') ?? []
  );
}

function endpointsAt(
  exported: SnapshotEndpoint[],
  history: SnapshotHistory,
  at: number,
): SnapshotEndpoint[] {
  const then = latestBySubject(
    history.links,
    (entry) => entry.endpointId,
    at,
    (e) => e.state,
  );
  return exported.map((endpoint) => ({
    ...endpoint,
    state: then.get(endpoint.id) ?? endpoint.state,
  }));
}

/**
 * The series on the wall at `at`: one that left its catalog (a halted ring's)
 * is gone from the instant it left, unless it reported again afterwards.
 */
function seriesAt(
  series: ConsoleSeries[],
  history: SnapshotHistory,
  points: Record<string, Points>,
  at: number,
): ConsoleSeries[] {
  if (history.departed.length === 0) return series;
  const left = changedBy(
    history.departed,
    (entry) => entry.key,
    at,
    (entry) => entry.at,
  );
  return series.filter((s) => {
    const leftAt = left.get(s.key);
    return leftAt === undefined || (points[s.key]?.t.at(-1) ?? -Infinity) > leftAt;
  });
}

/** Actions as their recorded lifecycle had them at `at`, where it recorded them. */
function withHistory(
  actions: ActionRecord[],
  history: SnapshotHistory,
  at: number,
): ActionRecord[] {
  if (history.actions.length === 0) return actions;
  const keyOf = (action: ActionRecord) => `${action.endpointId}\u0000${action.key}`;
  const then = changedBy(
    history.actions,
    (entry) => keyOf(entry.action),
    at,
    (e) => e.action,
  );
  const shown = actions.map((action) => then.get(keyOf(action)) ?? action);
  const listed = new Set(actions.map(keyOf));
  for (const [key, action] of then) if (!listed.has(key)) shown.push(action);
  return shown;
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
  // An alert fires once (its firedAt); the bounded timeline may have lost that
  // transition and kept a later 'firing' note (an escalation), so firedAt wins.
  const firing =
    firedAt !== undefined && firedAt <= at
      ? firedAt
      : transitions?.find((t) => t.state === 'firing' && t.at <= at)?.at;
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
