// Whether an action control is drawn, and if drawn, why it cannot be used
// now. The display profile draws none at all; everything else shows the
// control disabled with its reason, so an operator knows what to fix. An
// action in flight on the same target (from this console or another) names
// who took it; its control still opens, so the confirmation can tell more.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { EndpointStatus } from '../../../../shared/api/links';
import type { ActionName } from '../../../../shared/protocol';
import { actionBlocker as ruleBlocker } from '../../../../shared/rules/action-blockers';
import { isActionInFlight } from '../../../../shared/rules/action-states';
import type { BridgeConnection } from '../../bridge/bridge-connection';
import { selectEndpoint, selectLatestAction } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';
import { busyWords, useServiceName } from './action-busy';

export interface ActionGate {
  /** Draw no control at all (display profile; kiosk on the wall). */
  hidden: boolean;
  /** Why the action cannot run now, in words for its caption; undefined when it can. */
  blocker: string | undefined;
  /** Another intent in flight on the target: the only blocker, the control still opens. */
  busy: ActionRecord | undefined;
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
}

/** Why `action` cannot be started on its target now, leaving actions in flight aside. */
export function actionBlocker(action: ActionName, inputs: GateInputs): string | undefined {
  return ruleBlocker(action, {
    kiosk: inputs.kiosk,
    consoleLinkUp: inputs.connection === 'open',
    endpointId: inputs.endpointId,
    endpoint: inputs.endpoint,
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
  const serviceName = useServiceName(target.endpointId, target.service);
  const hidden = profile === 'display' || (kiosk && options.onWall === true);
  if (hidden) return { hidden, blocker: undefined, busy: undefined };
  const blocker = actionBlocker(action, {
    connection,
    endpointId: target.endpointId,
    endpoint,
    kiosk,
  });
  // `unknown` does not hold the target: the outcome may never be learnt.
  const busy =
    !blocker && latest && latest.key !== options.ownKey && isActionInFlight(latest.state)
      ? latest
      : undefined;
  return { hidden, blocker: blocker ?? (busy && busyWords(busy, serviceName)), busy };
}
