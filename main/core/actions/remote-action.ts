// An action this console did not submit, as the endpoint describes it in an
// `action.status` (v1.1): another console or tool took it. It becomes a record
// like a local one, keyed by the same idempotency key, marked `elsewhere`.
import { actionKeySchema, type ActionRecord } from '../../../shared/api/actions';
import { actionCallSchema, type ActionStatus } from '../../../shared/protocol';

/** Who took it when the endpoint does not say. */
export const UNKNOWN_OPERATOR = 'someone elsewhere';

/**
 * The record of a remote action, or undefined when the status carries no
 * description this console can read (an endpoint of v1.0, an action it does
 * not know, or a key outside the console's own key alphabet). `now` is this console's clock: the endpoint's times are used
 * only as a difference, so clock skew does not move the record.
 */
export function remoteRecord(
  endpointId: string,
  status: ActionStatus,
  now: number,
): ActionRecord | undefined {
  const call = actionCallSchema.safeParse({ action: status.action, args: status.args });
  // A key the console could not have made itself cannot be shown or audited as one.
  if (!call.success || !actionKeySchema.safeParse(status.key).success) return undefined;
  const age =
    status.submittedAt !== undefined && status.updatedAt !== undefined
      ? Math.max(0, status.updatedAt - status.submittedAt)
      : 0;
  return {
    ...call.data,
    endpointId,
    key: status.key,
    state: status.state,
    operator: status.operator || UNKNOWN_OPERATOR,
    ...(status.reason ? { reason: status.reason } : {}),
    ...(status.message ? { message: status.message } : {}),
    submittedAt: now - age,
    updatedAt: now,
    elsewhere: true,
  } as ActionRecord;
}
