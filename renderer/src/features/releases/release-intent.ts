// One operator intent on a release (promote, override, halt, roll back):
// opened, confirmed (perhaps more than once), or cancelled. Its idempotency
// key is made once, when the confirmation opens, so a double click or a retry
// after a transport error can never act twice; what the operator agreed to
// (version, ring, target) is fixed at that moment too.
import { useState } from 'react';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionCall } from '../../../../shared/protocol';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { newActionKey, useSubmitFlow } from '../actions';

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

/** A release's decisions go through the actions' one submit flow: same key rules, same errors. */
export function useReleaseIntent() {
  const [intent, setIntent] = useState<ReleaseIntent>();
  /** The last intent sent and answered: its record shows the action's lifecycle. */
  const [lastKey, setLastKey] = useState<string>();
  const flow = useSubmitFlow();

  const open = (kind: ReleaseActionKind, release: ReleaseStatus) => {
    if (!flow.reset()) return;
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
    if (flow.reset()) setIntent(undefined);
  };

  /** A failure keeps the intent open with the same key: confirming again retries safely. */
  const confirm = async (reason: string): Promise<ActionRecord | undefined> => {
    if (!intent) return undefined;
    const record = await flow.submit(intent, { reason, override: intent.kind === 'override' });
    if (record) {
      setLastKey(record.key);
      setIntent(undefined);
    }
    return record;
  };

  return {
    intent,
    submitting: flow.submitting,
    attempted: flow.attempted,
    error: flow.error,
    lastKey,
    open,
    cancel,
    confirm,
  };
}

export type ReleaseIntentHandle = ReturnType<typeof useReleaseIntent>;
