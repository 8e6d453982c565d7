// The head of a snapshot: everything but the points, taken from the live
// console and trimmed to the window. Validated against the very schema the
// reader uses, so the console never writes a file it would refuse to open.
import { isActionInFlight } from '../../../shared/rules/action-states';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  snapshotHeadSchema,
  type SnapshotAnnotation,
  type SnapshotHead,
  type SnapshotSource,
  type SnapshotSourceState,
} from '../../../shared/api/snapshot';
import type { ActionRecord } from '../../../shared/api/actions';
import type { AuditEntry } from '../../../shared/api/audit';
import { SnapshotError, describeIssues } from './snapshot-error';

export interface HeadInput {
  title: string;
  notes: string;
  annotations: SnapshotAnnotation[];
  from: number;
  to: number;
}

export async function buildHead(source: SnapshotSource, input: HeadInput): Promise<SnapshotHead> {
  const { from, to } = input;
  const [state, audit] = await Promise.all([source.state(from), source.audit(from, to)]);
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
    ...trimmed(state, from),
    audit: auditOf(audit, from, to),
    annotations: input.annotations,
  };
  const parsed = snapshotHeadSchema.safeParse(head);
  if (!parsed.success) {
    throw new SnapshotError(
      'invalid',
      `cannot write this snapshot: ${describeIssues(parsed.error.issues)}`,
    );
  }
  return parsed.data;
}

/** The state within the window; what is still open counts whenever it began. */
function trimmed(state: SnapshotSourceState, from: number) {
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
