// The actions taken on one release track, from whichever window took them.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionName } from '../../../../shared/protocol';

export const RELEASE_ACTIONS: readonly ActionName[] = [
  'ring.promote',
  'ring.halt',
  'deploy.rollback',
  'patch.apply',
];

/** This release's actions (any window's), newest first. */
export function releaseActions(
  actions: Record<string, ActionRecord>,
  track: { endpointId: string; service: string; environment: string },
): ActionRecord[] {
  return Object.values(actions)
    .filter(
      (record) =>
        record.endpointId === track.endpointId &&
        RELEASE_ACTIONS.includes(record.action) &&
        record.args.service === track.service &&
        record.args.environment === track.environment,
    )
    .sort((a, b) => b.submittedAt - a.submittedAt);
}
