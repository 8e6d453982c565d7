// The head of a snapshot: everything but the points, taken from the live
// console and trimmed to the window. Validated against the very schema the
// reader uses, so the console never writes a file it would refuse to open;
// in slices like the reader, since the history can be megabytes.
import { isActionInFlight } from '../../../shared/rules/action-states';
import {
  EMPTY_HISTORY,
  SNAPSHOT_FORMAT,
  SNAPSHOT_LIMITS,
  SNAPSHOT_VERSION,
  type SnapshotAnnotation,
  type SnapshotHead,
  type SnapshotHistory,
  type SnapshotSource,
  type SnapshotSourceState,
} from '../../../shared/api/snapshot';
import type { ActionRecord } from '../../../shared/api/actions';
import type { AuditEntry } from '../../../shared/api/audit';
import { SnapshotError, describeIssues } from './snapshot-error';
import { checkHead } from './snapshot-history-check';
import { chooseSeries, seriesRanks } from './snapshot-priority';

export interface HeadInput {
  title: string;
  notes: string;
  annotations: SnapshotAnnotation[];
  from: number;
  to: number;
}

export interface BuiltHead {
  head: SnapshotHead;
  /** Each series' rank when a limit forces a choice (snapshot-priority). */
  ranks: Map<string, number>;
  /** Series the series limit left out. */
  left: string[];
}

export async function buildHead(source: SnapshotSource, input: HeadInput): Promise<BuiltHead> {
  const { from, to } = input;
  const [state, audit] = await Promise.all([source.state(from), source.audit(from, to)]);
  const ranks = seriesRanks(state);
  const chosen = chooseSeries(state.series, ranks, SNAPSHOT_LIMITS.series);
  const head = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    meta: {
      title: input.title,
      notes: input.notes,
      createdAt: to,
      createdBy: source.operator(),
      appVersion: source.appVersion,
      window: { from, to },
    },
    ...trimmed({ ...state, series: chosen.series }, from, to),
    audit: auditOf(audit, from, to),
    annotations: input.annotations,
  };
  const parsed = await checkHead(head);
  if (!parsed.success) {
    throw new SnapshotError(
      'invalid',
      `cannot write this snapshot: ${describeIssues(parsed.issues)}`,
    );
  }
  return { head: parsed.data, ranks, left: chosen.left };
}

/** The state within the window; what is still open counts whenever it began. */
function trimmed(state: SnapshotSourceState, from: number, to: number) {
  return {
    endpoints: state.endpoints.map(({ id, url, name, state: linkState, clockSkewMs }) => ({
      id,
      url,
      name,
      state: linkState,
      ...(clockSkewMs === undefined ? {} : { clockSkewMs }),
    })),
    series: state.series,
    deployments: state.deployments,
    events: state.events.filter((event) => Date.parse(event.time) >= from),
    actions: state.actions.filter((action) => action.updatedAt >= from || inFlight(action)),
    alerts: state.alerts.filter((alert) => alert.state !== 'resolved' || endsAfter(alert, from)),
    alertTimeline: state.alertTimeline.filter((transition) => transition.at >= from),
    releases: state.releases ?? [],
    history: historyUntil(state.history, to),
  };
}

/** A source that kept no history (a test, an older console) says so. */
function historyUntil(history: SnapshotHistory | undefined, to: number): SnapshotHistory {
  if (!history) return EMPTY_HISTORY;
  const until = <T extends { at: number }>(list: T[]) => list.filter((entry) => entry.at <= to);
  return {
    recorded: history.recorded,
    deployments: until(history.deployments),
    releases: until(history.releases),
    links: until(history.links),
    actions: until(history.actions),
    departed: until(history.departed),
  };
}

function inFlight(action: ActionRecord): boolean {
  return isActionInFlight(action.state);
}

function endsAfter(alert: { resolvedAt?: number }, from: number): boolean {
  return (alert.resolvedAt ?? Infinity) >= from;
}

function auditOf(entries: AuditEntry[], from: number, to: number): AuditEntry[] {
  return entries
    .filter((entry) => {
      const at = Date.parse(entry.at);
      return at >= from && at <= to;
    })
    .sort((a, b) => a.seq - b.seq);
}
