// The instants worth jumping to in a snapshot: alerts firing and resolving,
// actions submitted, and the annotations, oldest first.
import type { Snapshot, SnapshotAnnotation } from '../../../../shared/api/snapshot';
import { actionSummary } from '../../ui/action-summary';

export interface ReviewMoment {
  at: number;
  /** Plain words, shown as text. */
  label: string;
}

const MAX_MOMENTS = 300;

export function reviewMoments(
  snapshot: Snapshot,
  annotations: SnapshotAnnotation[],
): ReviewMoment[] {
  const titles = new Map(snapshot.alerts.map((alert) => [alert.id, alert.title]));
  const moments: ReviewMoment[] = [];
  for (const transition of snapshot.alertTimeline) {
    if (transition.state !== 'firing' && transition.state !== 'resolved') continue;
    const title = titles.get(transition.alertId) ?? transition.alertId;
    moments.push({ at: transition.at, label: `${title} ${transition.state}` });
  }
  for (const action of snapshot.actions) {
    const { service, environment } = action.args;
    moments.push({
      at: action.submittedAt,
      label: `${actionSummary(action)} of ${service}/${environment} by ${action.operator}`,
    });
  }
  for (const annotation of annotations) {
    moments.push({ at: annotation.at, label: `Note: ${annotation.text.slice(0, 80)}` });
  }
  const { from, to } = snapshot.meta.window;
  return moments
    .filter((moment) => moment.at >= from && moment.at <= to)
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_MOMENTS);
}
