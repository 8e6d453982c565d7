// The one way an intent reaches the action desk, for the action dialog and
// for a release's decisions alike. An intent's key is made once, when its
// confirmation opens, and reused by every confirm (a double click, a retry
// after an error), so the desk runs it at most once. A rejected promise is
// kept as an error for the operator, never dropped.
import { useRef, useState } from 'react';
import type { ActionRecord, ActionRequest } from '../../../../shared/api/actions';
import type { ActionCall } from '../../../../shared/protocol';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';
import { newActionKey } from './action-key';

export interface SubmitExtras {
  reason?: string;
  override?: boolean;
}

export interface SubmitIntent {
  endpointId: string;
  key: string;
  call: ActionCall;
}

export function errorText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/** What the desk is asked: the reason trimmed and sent only when there is one. */
export function actionRequest(intent: SubmitIntent, extras: SubmitExtras = {}): ActionRequest {
  const reason = extras.reason?.trim();
  return {
    endpointId: intent.endpointId,
    key: intent.key,
    ...intent.call,
    ...(reason ? { reason } : {}),
    ...(extras.override ? { override: true } : {}),
  };
}

/** Sending intents, one at a time: whatever the key, a confirm while one is in flight is ignored. */
export function useSubmitFlow() {
  const [submitting, setSubmitting] = useState(false);
  /** Once asked, the same key must carry the same payload: the form locks. */
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string>();
  const inFlight = useRef(false);

  /** Resolves with the desk's record, or undefined when the request failed (see `error`). */
  const submit = async (
    intent: SubmitIntent,
    extras: SubmitExtras = {},
  ): Promise<ActionRecord | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setSubmitting(true);
    setAttempted(true);
    setError(undefined);
    try {
      const record = await getConsoleApi().submitAction(actionRequest(intent, extras));
      useConsoleStore.getState().upsertActions([record]);
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

  /** A new intent starts clean; not while one is in flight. */
  const reset = (): boolean => {
    if (inFlight.current) return false;
    setAttempted(false);
    setError(undefined);
    return true;
  };

  return { submitting, attempted, error, submit, reset };
}

/** One intent on one endpoint, its key made when the confirmation opens. */
export function useActionSubmit(endpointId: string) {
  const [key] = useState(newActionKey);
  const flow = useSubmitFlow();
  return {
    key,
    submitting: flow.submitting,
    attempted: flow.attempted,
    error: flow.error,
    submit: (call: ActionCall, extras: SubmitExtras) =>
      flow.submit({ endpointId, key, call }, extras),
  };
}
