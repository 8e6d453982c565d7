// The main process's own guard against two operators acting on one target at
// once: the endpoint's idempotency only stops a key running twice, not a
// second intent (another key) for the same service and environment. This
// console's own actions are guarded in its renderer; another console's are
// known only from the endpoint, so they are checked here too.
import type { ActionRecord, ActionRequest } from '../../../shared/api/actions';
import { actionWords } from '../../../shared/rules/action-labels';
import { isActionInFlight } from '../../../shared/rules/action-states';

/** Why `request` must wait for an action taken elsewhere, still in flight on its target. */
export function targetBusy(
  records: Iterable<ActionRecord>,
  request: ActionRequest,
): string | undefined {
  for (const record of records) {
    if (!record.elsewhere || !isActionInFlight(record.state)) continue;
    if (record.endpointId !== request.endpointId) continue;
    if (record.args.service !== request.args.service) continue;
    if (record.args.environment !== request.args.environment) continue;
    return `${record.operator} (elsewhere) is already acting on ${record.args.service} ${record.args.environment}: ${actionWords(record.action)} is ${record.state}`;
  }
  return undefined;
}
