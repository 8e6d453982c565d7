// §9 (v1.1) describing an action: every status of a key, and action.get's
// reply, carry the action as submitted, who asked and why, so every console
// can show an action another one started.
import { isDeepStrictEqual } from 'node:util';
import type { ActionCall, ActionStatus } from '../../shared/protocol';

/** What the kit submitted: every description of its key must say the same. */
export interface Submitted {
  call: ActionCall;
  operator: string;
  reason: string;
}

export const KIT_OPERATOR = 'conformance-kit';
export const KIT_REASON = 'watchfloor.v1 conformance check';

/** Undefined when `status` describes the submit; else which member is missing or wrong. */
export function descriptionProblem(
  status: ActionStatus | undefined,
  submitted: Submitted,
): string | undefined {
  if (!status) return 'no ActionStatus';
  const wrong: string[] = [];
  if (status.action !== submitted.call.action) wrong.push(`action ${show(status.action)}`);
  if (!isDeepStrictEqual(status.args, submitted.call.args)) wrong.push(`args ${show(status.args)}`);
  if (status.operator !== submitted.operator) wrong.push(`operator ${show(status.operator)}`);
  if (status.reason !== submitted.reason) wrong.push(`reason ${show(status.reason)}`);
  return wrong.length === 0
    ? undefined
    : `${status.state} status of ${status.key} carries ${wrong.join(', ')}`;
}

const show = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));
