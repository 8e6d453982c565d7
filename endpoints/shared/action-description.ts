// What every console is told of an action besides its state (§9, v1.1): the
// call as submitted, who asked and why, and when the bridge received it. The
// bridges with actions put it on every status and action.get reply.
import type { ActionStatus, ActionSubmitParams } from '../../shared/protocol';

export type ActionDescription = Pick<
  ActionStatus,
  'action' | 'args' | 'operator' | 'reason' | 'submittedAt'
>;

export function describeSubmit(params: ActionSubmitParams, now: number): ActionDescription {
  return {
    action: params.action,
    args: params.args,
    ...(params.operator ? { operator: params.operator } : {}),
    ...(params.reason ? { reason: params.reason } : {}),
    submittedAt: now,
  };
}

const FINAL = new Set<ActionStatus['state']>(['succeeded', 'failed', 'cancelled']);

/** Still under way: what a console saying hello is sent after its backfill. */
export const underWay = (status: ActionStatus): boolean => !FINAL.has(status.state);
