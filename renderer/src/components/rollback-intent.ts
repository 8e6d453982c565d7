// One operator intent to roll back: opened, confirmed (maybe more than once),
// or cancelled. Its idempotency key is made once when the confirmation opens,
// so a double click or a retry after an error can never roll back twice.
import { useRef, useState } from 'react';
import type { ActionRecord, EndpointStatus } from '../../../shared/console-api';
import type { EnvironmentState } from '../../../shared/protocol';
import type { BridgeConnection } from '../bridge/bridge-connection';
import { getConsoleApi } from '../bridge/console-bridge';
import { isFinalActionState } from '../store/actions-slice';
import { useConsoleStore } from '../store/console-store';
import { isLinkLive } from '../store/link-liveness';

export interface RollbackTarget {
  endpointId: string;
  service: string;
  environment: string;
}

/** What the operator was shown and agreed to, fixed when the confirmation opened. */
export interface RollbackIntent {
  key: string;
  fromVersion: string;
  toVersion: string;
}

export function newActionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Why a rollback cannot be started now, in words for the button's title and caption. */
export function rollbackBlocker(
  connection: BridgeConnection,
  endpoint: EndpointStatus | undefined,
  environment: EnvironmentState,
  latest: ActionRecord | undefined,
): string | undefined {
  if (connection !== 'open') return 'Console link is down';
  if (!endpoint) return 'Endpoint is not known to the console';
  if (!isLinkLive(endpoint.state)) return `Endpoint ${endpoint.name} is ${endpoint.state}`;
  if (!endpoint.actions.includes('deploy.rollback'))
    return 'This endpoint does not offer roll back';
  if (environment.previousVersions[0] === undefined) return 'No previous version to roll back to';
  // `unknown` does not block: the host may never learn the outcome (a lost reply on a
  // link that stayed up), and the confirmation shows the version as it is now.
  if (latest && latest.state !== 'unknown' && !isFinalActionState(latest.state))
    return `An action is still ${latest.state}`;
  return undefined;
}

export function useRollbackIntent(target: RollbackTarget) {
  const [intent, setIntent] = useState<RollbackIntent>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const inFlight = useRef(false);

  const open = (environment: EnvironmentState) => {
    const toVersion = environment.previousVersions[0];
    if (toVersion === undefined) return;
    setError(undefined);
    setIntent({ key: newActionKey(), fromVersion: environment.version, toVersion });
  };

  const cancel = () => setIntent(undefined);

  const confirm = async () => {
    if (!intent || inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(undefined);
    const store = useConsoleStore.getState();
    store.noteRollbackFrom(intent.key, intent.fromVersion);
    try {
      const record = await getConsoleApi().submitAction({
        endpointId: target.endpointId,
        key: intent.key,
        action: 'deploy.rollback',
        args: {
          service: target.service,
          environment: target.environment,
          toVersion: intent.toVersion,
        },
      });
      store.upsertActions([record]);
      setIntent(undefined);
    } catch (failure) {
      // Keep the intent open with the same key: "Confirm" again retries safely.
      setError(
        `Roll back request failed: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { intent, submitting, error, open, cancel, confirm };
}
