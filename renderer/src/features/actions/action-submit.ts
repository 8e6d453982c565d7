// One intent's submission: its key is made once, when the confirmation
// opens, and reused by every confirm (a double click, a retry after an
// error), so the action desk runs it at most once. A rejected promise is kept
// as an error for the operator, never dropped.
import { useRef, useState } from 'react';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionCall } from '../../../../shared/protocol';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';
import { newActionKey } from './action-key';

export interface SubmitExtras {
  reason?: string;
  override?: boolean;
  /** The version a rollback starts from, for "Rollback 2.14.0 → 2.13.2" wherever it shows. */
  fromVersion?: string;
}

export function errorText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

export function useActionSubmit(endpointId: string) {
  const [key] = useState(newActionKey);
  const [submitting, setSubmitting] = useState(false);
  /** Once asked, the same key must carry the same payload: the form locks. */
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string>();
  const inFlight = useRef(false);

  /** Resolves with the desk's record, or undefined when the request failed (see `error`). */
  const submit = async (
    call: ActionCall,
    extras: SubmitExtras,
  ): Promise<ActionRecord | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setSubmitting(true);
    setAttempted(true);
    setError(undefined);
    const store = useConsoleStore.getState();
    if (call.action === 'deploy.rollback' && extras.fromVersion) {
      store.noteRollbackFrom(key, extras.fromVersion);
    }
    const reason = extras.reason?.trim();
    try {
      const record = await getConsoleApi().submitAction({
        endpointId,
        key,
        ...call,
        ...(reason ? { reason } : {}),
        ...(extras.override ? { override: true } : {}),
      });
      store.upsertActions([record]);
      return record;
    } catch (failure) {
      setError(
        `The request failed: ${errorText(failure)}. Confirm again to retry (it cannot run twice).`,
      );
      return undefined;
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { key, submitting, attempted, error, submit };
}
