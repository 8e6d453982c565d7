// The confirmation every action goes through: what it will do (target,
// environment, from → to, which ring and share of users), an optional reason
// for the audit log, and, when the shared risk policy says the change widens
// exposure where it matters, the service's name typed exactly. It says why it
// asks what it asks. A modal <dialog>: focus moves in, Escape
// closes, focus returns to the control that opened it.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionCall, EnvironmentState } from '../../../../shared/protocol';
import { BLOCKER } from '../../../../shared/rules/action-blockers';
import { releaseMoving } from '../../../../shared/rules/ring-rollout';
import {
  OVERRIDE_REASON_MIN,
  OVERRIDE_REASON_SHORT,
  overrideReasonOk,
} from '../../../../shared/rules/override-reason';
import { useNow } from '../../ui/now-ticker';
import { busyWords } from './action-busy';
import { useActionGate } from './action-gate';
import { ActionFields } from './action-fields';
import { ACTION_HEADING, CONFIRM_LABEL } from './action-labels';
import { previewAction, typedNameReasons, type ActionPreview } from './action-preview';
import { useActionSubmit } from './action-submit';
import { useReleaseGate } from './action-release-gate';
import { envFingerprint, useTargetState, type TargetState } from './action-target';
import './actions.css';

export interface ActionDraft {
  endpointId: string;
  call: ActionCall;
  /** The procedure that suggested it, if one did. */
  origin?: string;
}

interface ActionDialogProps {
  draft: ActionDraft;
  /** `error`: a request failure still unresolved when the operator closed the dialog. */
  onClose(error: string | undefined): void;
  onSubmitted(record: ActionRecord): void;
}

export function ActionDialog({ draft, onClose, onSubmitted }: ActionDialogProps) {
  const { service, environment } = draft.call.args;
  const target = useTargetState(draft.endpointId, service, environment);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const submission = useActionSubmit(draft.endpointId);
  const close = () => onClose(submission.error);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('[data-autofocus="true"]')?.focus();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);

  // Escape closes this dialog only: not the detail view or anything under it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    close();
  };

  return (
    <dialog
      ref={dialog}
      className="action-dialog"
      data-testid="action-dialog"
      data-action={draft.call.action}
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      // A tile or card under the dialog must not take its clicks as its own.
      onClick={(event) => event.stopPropagation()}
    >
      <h2 className="action-dialog__title" id={titleId}>
        {ACTION_HEADING[draft.call.action]}
      </h2>
      {target ? (
        <ActionForm
          draft={draft}
          target={target}
          submission={submission}
          onClose={close}
          onSubmitted={onSubmitted}
        />
      ) : (
        <>
          <p className="action-dialog__problem" role="alert">
            {service} {environment} is not among the deployments this endpoint reports.
          </p>
          <button type="button" className="button" data-autofocus="true" onClick={close}>
            Close
          </button>
        </>
      )}
    </dialog>
  );
}

interface ActionFormProps {
  draft: ActionDraft;
  target: TargetState;
  submission: ReturnType<typeof useActionSubmit>;
  onClose(): void;
  onSubmitted(record: ActionRecord): void;
}

function ActionForm({ draft, target, submission, onClose, onSubmitted }: ActionFormProps) {
  const { service, env } = target;
  const id = useId();
  const [call, setCall] = useState(draft.call);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [override, setOverride] = useState(false);
  const [openedAt] = useState(() => envFingerprint(env));
  const gate = useActionGate(
    call.action,
    { endpointId: draft.endpointId, service: service.id, environment: env.id },
    { ownKey: submission.key },
  );
  const releaseGate = useReleaseGate(draft.endpointId, service.id, env.id);
  const gatesBlock = call.action === 'ring.promote' ? promoteBlock(releaseGate, env) : undefined;
  const preview = previewAction(call, service, env);
  const typedReasons = typedNameReasons(preview);
  const moved = !submission.attempted && envFingerprint(env) !== openedAt;
  const holdUp = whyNot({
    preview,
    blocker: gate.blocker,
    moved,
    typedNeeded: typedReasons.length > 0,
    typedOk: typed === service.name,
    serviceName: service.name,
    overrideShort: override && !overrideReasonOk(reason),
    gatesBlock: override ? undefined : gatesBlock,
  });
  const locked = submission.attempted || submission.submitting;

  const confirm = async () => {
    if (holdUp || submission.submitting) return;
    const record = await submission.submit(call, { reason, override });
    if (record) onSubmitted(record);
  };

  return (
    <form
      className="action-dialog__form"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      {draft.origin && (
        <p className="action-dialog__origin">Suggested by the procedure “{draft.origin}”.</p>
      )}
      {gate.busy && <InFlightNotice record={gate.busy} serviceName={service.name} />}
      <ActionFields call={call} env={env} disabled={locked} onChange={setCall} />
      <dl className="action-preview" data-testid="action-preview">
        <dt>Target</dt>
        <dd data-testid="action-target">
          {service.name} <span className="action-preview__id">({service.id})</span>
        </dd>
        <dt>Environment</dt>
        <dd data-testid="action-environment">
          {env.id}
          {preview.production && <strong className="action-preview__prod"> production</strong>}
        </dd>
        <dt>Change</dt>
        <dd data-testid="action-change">
          {preview.from} → {preview.to}
        </dd>
        <dt>Affects</dt>
        <dd data-testid="action-affects">{preview.affects}</dd>
      </dl>
      <p className="action-dialog__summary">{preview.summary}</p>
      <p
        className="action-dialog__risk"
        data-testid="action-risk"
        data-confirmation={preview.risk.confirmation}
      >
        {preview.risk.why}
      </p>
      {preview.problems.length > 0 && (
        <ul className="action-dialog__problems" data-testid="action-problems">
          {preview.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {call.action === 'ring.promote' && (
        <p className="action-dialog__gates" data-testid="action-gates">
          {gatesBlock ? `${BLOCKER.gates(gatesBlock)}.` : 'Release gates pass.'}
        </p>
      )}
      {call.action === 'ring.promote' && (
        <label className="field__check">
          <input
            type="checkbox"
            checked={override}
            disabled={locked}
            onChange={(event) => setOverride(event.target.checked)}
          />
          Override failing release gates (needs a reason of {OVERRIDE_REASON_MIN}+ characters;
          audited)
        </label>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          Reason <span className="field__optional">(optional, kept in the audit log)</span>
        </label>
        <input
          id={`${id}-reason`}
          type="text"
          data-testid="action-reason"
          value={reason}
          maxLength={2_000}
          disabled={locked}
          autoComplete="off"
          data-autofocus={typedReasons.length === 0 ? 'true' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {typedReasons.length > 0 && (
        <div className="field action-dialog__typed">
          <label htmlFor={`${id}-typed`}>
            Type <strong className="action-dialog__name">{service.name}</strong> to confirm
          </label>
          <p className="field__hint" id={`${id}-typed-why`}>
            Required because {typedReasons.join(' and ')}.
          </p>
          <input
            id={`${id}-typed`}
            type="text"
            data-testid="action-typed-name"
            data-autofocus="true"
            aria-describedby={`${id}-typed-why`}
            aria-invalid={typed.length > 0 && typed !== service.name}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
      )}
      {submission.error && (
        <p className="action-dialog__error" data-testid="action-error" role="alert">
          {submission.error}
        </p>
      )}
      <div className="action-dialog__buttons">
        <button
          type="submit"
          className="button button--danger"
          data-testid="action-confirm"
          disabled={holdUp !== undefined || submission.submitting}
          aria-describedby={holdUp ? `${id}-holdup` : undefined}
        >
          {CONFIRM_LABEL[call.action]}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {submission.submitting && <span className="action-dialog__note">Submitting…</span>}
      </div>
      {holdUp && !submission.submitting && (
        <p className="action-dialog__holdup" id={`${id}-holdup`} data-testid="action-holdup">
          {holdUp}
        </p>
      )}
    </form>
  );
}

/** Before confirming: someone (here or elsewhere) is already acting on this target. */
function InFlightNotice({ record, serviceName }: { record: ActionRecord; serviceName: string }) {
  const now = useNow();
  return (
    <p
      className="action-dialog__in-flight"
      data-testid="action-in-flight"
      data-key={record.key}
      data-elsewhere={record.elsewhere ? 'true' : undefined}
      role="alert"
    >
      {busyWords(record, serviceName, now)}
      {record.elsewhere && ' (taken elsewhere)'}
      {record.reason && (
        <span className="action-dialog__in-flight-reason">: “{record.reason}”</span>
      )}
    </p>
  );
}

interface HoldUpInputs {
  preview: ActionPreview;
  blocker: string | undefined;
  moved: boolean;
  typedNeeded: boolean;
  typedOk: boolean;
  serviceName: string;
  overrideShort: boolean;
  gatesBlock: string | undefined;
}

/** The first reason the confirm button is disabled, in words. */
function whyNot(inputs: HoldUpInputs): string | undefined {
  if (inputs.blocker) return inputs.blocker;
  if (inputs.moved) return 'The deployment changed while this was open: cancel and start again';
  if (inputs.preview.problems.length) return inputs.preview.problems[0];
  if (inputs.gatesBlock) return `${BLOCKER.gates(inputs.gatesBlock)} (or override them)`;
  if (inputs.overrideShort) return OVERRIDE_REASON_SHORT;
  if (inputs.typedNeeded && !inputs.typedOk) return `Type ${inputs.serviceName} exactly to enable`;
  return undefined;
}

/** A moving release with no verdict yet (gates are judged each second) blocks like a failing one. */
function promoteBlock(
  gate: ReturnType<typeof useReleaseGate>,
  env: EnvironmentState,
): string | undefined {
  if (!gate) return releaseMoving(env) ? BLOCKER.notJudged : undefined;
  return gate.allowed ? undefined : (gate.reason ?? 'the release gates do not pass');
}
