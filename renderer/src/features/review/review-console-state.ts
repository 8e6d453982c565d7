// The console state a snapshot gives at one instant, for applyState: the
// shared snapshotToState view, with what a snapshot does not hold filled in
// safely. The profile is `display`, so no view draws an action control, and
// each endpoint's link is in the state the snapshot gives it at the instant.
import type { ConsoleState } from '../../../../shared/api/console-state';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { Points } from '../../../../shared/api/series';
import type { VisibleSettings } from '../../../../shared/api/settings';
import type { Snapshot, SnapshotEndpoint } from '../../../../shared/api/snapshot';
import { snapshotToState } from '../../../../shared/rules/snapshot-view';
import { KEEP_MS, KEEP_POINTS } from '../../store/points-window';

function endpointStatus(endpoint: SnapshotEndpoint, seriesCount: number): EndpointStatus {
  return {
    id: endpoint.id,
    url: endpoint.url,
    name: endpoint.name,
    state: endpoint.state,
    actions: [],
    ...(endpoint.clockSkewMs === undefined ? {} : { clockSkewMs: endpoint.clockSkewMs }),
    messageRate: 0,
    framesReceived: 0,
    framesRejected: 0,
    samplesDropped: 0,
    seriesCount,
    recentErrors: [],
    hasToken: false,
    // Not a configured endpoint: nothing offers to edit or remove it.
    source: 'cli',
  };
}

/**
 * The store trims and decimates in place what it is given; points it would
 * change are copied, so the snapshot itself stays whole for the next instant.
 */
function ownPoints(points: Points): Points {
  const { t, v } = points;
  const newest = t.at(-1);
  const trimmed =
    t.length > KEEP_POINTS || (newest !== undefined && (t[0] as number) < newest - KEEP_MS);
  return trimmed ? { t: t.slice(), v: v.slice() } : points;
}

export function reviewConsoleState(
  snapshot: Snapshot,
  at: number,
  settings: VisibleSettings,
): ConsoleState {
  const view = snapshotToState(snapshot, at);
  const points: Record<string, Points> = {};
  for (const [key, series] of Object.entries(view.points)) points[key] = ownPoints(series);
  const perEndpoint = new Map<string, number>();
  for (const series of view.series) {
    perEndpoint.set(series.endpointId, (perEndpoint.get(series.endpointId) ?? 0) + 1);
  }
  return {
    // Not a point in the live delta stream: the review applies this state directly.
    seq: 0,
    endpoints: view.endpoints.map((e) => endpointStatus(e, perEndpoint.get(e.id) ?? 0)),
    // Ages and STALE read the reviewed instant (useNow), so series keep their own intervals.
    series: view.series,
    points,
    deployments: view.deployments,
    actions: view.actions,
    events: view.events,
    profile: 'display',
    notices: [],
    alerts: view.alerts,
    alertTimeline: view.alertTimeline,
    settings,
    // As they were at `at` when the file recorded their history; as exported otherwise.
    releases: view.releases,
    kiosk: false,
  };
}
