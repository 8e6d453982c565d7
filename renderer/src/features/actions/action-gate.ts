// Whether an action control is drawn, and if drawn, why it cannot be used
// now. The display profile draws none at all; everything else shows the
// control disabled with its reason, so an operator knows what to fix.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ActionName } from '../../../../shared/protocol';
import { actionBlocker as ruleBlocker } from '../../../../shared/rules/action-blockers';
import type { BridgeConnection } from '../../bridge/bridge-connection';
import { selectEndpoint, selectLatestAction } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';

export interface ActionGate {
  /** Draw no control at all (display profile; kiosk on the wall). */
  hidden: boolean;
  /** Why the control is disabled, in words for its caption; undefined when it can be used. */
  blocker: string | undefined;
}

export interface ActionTarget {
  endpointId: string;
  service: string;
  environment: string;
}

export interface GateInputs {
  connection: BridgeConnection;
  endpointId: string;
  endpoint: EndpointStatus | undefined;
  kiosk: boolean;
  latest: ActionRecord | undefined;
}

/** Why `action` cannot be started on its target now, or undefined: the shared rule's words. */
export function actionBlocker(action: ActionName, inputs: GateInputs): string | undefined {
  return ruleBlocker(action, {
    kiosk: inputs.kiosk,
    consoleLinkUp: inputs.connection === 'open',
    endpointId: inputs.endpointId,
    endpoint: inputs.endpoint,
    latest: inputs.latest,
  });
}

/**
 * The gate of one action on one target. `onWall`: kiosk screens draw no
 * controls on the wall (the board shows them disabled, with the reason).
 * `ownKey`: an intent's own in-flight record does not block its retry.
 */
export function useActionGate(
  action: ActionName,
  target: ActionTarget,
  options: { onWall?: boolean; ownKey?: string } = {},
): ActionGate {
  const profile = useConsoleStore((store) => store.profile);
  const kiosk = useConsoleStore((store) => store.kiosk);
  const connection = useConsoleStore((store) => store.connection);
  const endpoint = useConsoleStore(selectEndpoint(target.endpointId));
  const latest = useConsoleStore(
    selectLatestAction(target.endpointId, target.service, target.environment),
  );
  const hidden = profile === 'display' || (kiosk && options.onWall === true);
  const mine = latest !== undefined && latest.key === options.ownKey;
  const blocker = hidden
    ? undefined
    : actionBlocker(action, {
        connection,
        endpointId: target.endpointId,
        endpoint,
        kiosk,
        latest: mine ? undefined : latest,
      });
  return { hidden, blocker };
}
