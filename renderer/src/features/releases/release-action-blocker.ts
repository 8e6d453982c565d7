// Why an action on a release cannot be sent now, in words for a disabled
// button's caption. The main process and the endpoint check again: this only
// spares the operator a click that would surely be refused.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ActionName } from '../../../../shared/protocol';
import type { BridgeConnection } from '../../bridge/bridge-connection';
import { isFinalActionState } from '../../store/actions-slice';
import { isLinkLive } from '../../../../shared/rules/link-liveness';

export function releaseActionBlocker(
  action: ActionName,
  connection: BridgeConnection,
  endpoint: EndpointStatus | undefined,
  latest: ActionRecord | undefined,
): string | undefined {
  if (connection !== 'open') return 'The console link is down';
  if (!endpoint) return 'The endpoint is not known to the console';
  if (!isLinkLive(endpoint.state)) return `Endpoint ${endpoint.name} is ${endpoint.state}`;
  if (!endpoint.actions.includes(action))
    return `Endpoint ${endpoint.name} does not offer ${action}`;
  // `unknown` does not block: the host may never learn that outcome.
  if (latest && latest.state !== 'unknown' && !isFinalActionState(latest.state))
    return `Waiting for ${latest.action}: it is still ${latest.state}`;
  return undefined;
}
