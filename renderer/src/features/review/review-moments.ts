// The instants worth jumping to in a snapshot: every alert transition, each
// deploy, rollback and promotion its history recorded, actions submitted,
// and the annotations, oldest first.
import type { Snapshot, SnapshotAnnotation } from '../../../../shared/api/snapshot';
import { deployChanges } from '../../../../shared/rules/snapshot-deploy-changes';
import { actionSummary } from '../../ui/action-summary';

export interface ReviewMoment {
  at: number;
  /** Plain words, shown as text. */
  label: string;
}

const MAX_MOMENTS = 500;

function alertMoments(snapshot: Snapshot): ReviewMoment[] {
  const titles = new Map(snapshot.alerts.map((alert) => [alert.id, alert.title]));
  return snapshot.alertTimeline.map((transition) => {
    const title = titles.get(transition.alertId) ?? transition.alertId;
    return { at: transition.at, label: `Alert ${title}: ${transition.state} (${transition.note})` };
  });
}

function actionMoments(snapshot: Snapshot): ReviewMoment[] {
  return snapshot.actions.map((action) => {
    const { service, environment } = action.args;
    return {
      at: action.submittedAt,
      label: `${actionSummary(action)} of ${service}/${environment} by ${action.operator}`,
    };
  });
}

export function reviewMoments(
  snapshot: Snapshot,
  annotations: SnapshotAnnotation[],
): ReviewMoment[] {
  const moments: ReviewMoment[] = [
    ...alertMoments(snapshot),
    ...deployChanges(snapshot.history).map((change) => ({ at: change.at, label: change.text })),
    ...actionMoments(snapshot),
    ...annotations.map((a) => ({ at: a.at, label: `Note: ${a.text.slice(0, 80)}` })),
  ];
  const { from, to } = snapshot.meta.window;
  return moments
    .filter((moment) => moment.at >= from && moment.at <= to)
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_MOMENTS);
}
