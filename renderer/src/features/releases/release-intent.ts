// One operator intent on a release (promote, override, halt, roll back):
// opened, confirmed (perhaps more than once), or cancelled. Its idempotency
// key is made once, when the confirmation opens, so a double click or a retry
// after a transport error can never act twice; what the operator agreed to
// (version, ring, target) is fixed at that moment too.
import { newActionKey } from '../actions';
import { useRef, useState } from 'react';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionCall } from '../../../../shared/protocol';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';

export type ReleaseActionKind = 'promote' | 'override' | 'halt' | 'rollback';

export interface ReleaseIntent {
  kind: ReleaseActionKind;
  key: string;
  endpointId: string;
  /** The release and the ring it was in when the operator opened the confirmation. */
  version: string;
  ringId: string;
  call: ActionCall;
}

/** An override needs at least this many typed characters of reason (the main process checks too). */
export const OVERRIDE_REASON_MIN = 10;

export function intentCall(kind: ReleaseActionKind, release: ReleaseStatus): ActionCall {
  const target = { service: release.service, environment: release.environment };
  switch (kind) {
    case 'promote':
    case 'override':
      return {
        action: 'ring.promote',
        args: {
          ...target,
          version: release.version,
          ...(release.nextRing ? { toRing: release.nextRing.id } : {}),
        },
      };
    case 'halt':
      return { action: 'ring.halt', args: { ...target, version: release.version } };
    case 'rollback':
      return { action: 'deploy.rollback', args: { ...target, toVersion: release.baselineVersion } };
  }
}

/** Why the confirmation no longer matches the release as it is now. */
export function intentOutdated(
  intent: ReleaseIntent,
  release: ReleaseStatus | undefined,
): string | undefined {
  if (!release) return 'The release is no longer moving; cancel';
  if (release.version !== intent.version)
    return `The release is now ${release.version}; cancel and start again`;
  if (release.ring.id !== intent.ringId)
    return `The release moved to ${release.ring.name}; cancel and start again`;
  return undefined;
}

export function useReleaseIntent() {
  const [intent, setIntent] = useState<ReleaseIntent>();
  const [submitting, setSubmitting] = useState(false);
  /** A try reached no answer: the same key is sent again, with the same reason. */
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string>();
  /** The last intent sent and answered: its record shows the action's lifecycle. */
  const [lastKey, setLastKey] = useState<string>();
  const inFlight = useRef(false);

  const open = (kind: ReleaseActionKind, release: ReleaseStatus) => {
    if (inFlight.current) return;
    setError(undefined);
    setAttempted(false);
    setIntent({
      kind,
      key: newActionKey(),
      endpointId: release.endpointId,
      version: release.version,
      ringId: release.ring.id,
      call: intentCall(kind, release),
    });
  };

  const cancel = () => {
    if (inFlight.current) return;
    setIntent(undefined);
    setError(undefined);
  };

  const confirm = async (reason: string): Promise<ActionRecord | undefined> => {
    if (!intent || inFlight.current) return undefined;
    inFlight.current = true;
    setSubmitting(true);
    setAttempted(true);
    setError(undefined);
    const store = useConsoleStore.getState();
    const typed = reason.trim();
    if (intent.call.action === 'deploy.rollback')
      store.noteRollbackFrom(intent.key, intent.version);
    try {
      const record = await getConsoleApi().submitAction({
        endpointId: intent.endpointId,
        key: intent.key,
        ...intent.call,
        ...(typed ? { reason: typed } : {}),
        ...(intent.kind === 'override' ? { override: true } : {}),
      });
      store.upsertActions([record]);
      setLastKey(record.key);
      setIntent(undefined);
      return record;
    } catch (failure) {
      // Keep the intent open with the same key: confirming again retries safely.
      setError(
        `The request got no answer: ${failure instanceof Error ? failure.message : String(failure)}. Confirm again to retry (it cannot act twice).`,
      );
      return undefined;
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { intent, submitting, attempted, error, lastKey, open, cancel, confirm };
}

export type ReleaseIntentHandle = ReturnType<typeof useReleaseIntent>;
