// The confirmation under a release's buttons: what exactly will happen, a
// reason for the audit log (required, at least 10 characters, to override
// failing gates), and the service's name typed out when the shared risk
// policy says the decision widens exposure (a promote in production); a halt
// or a roll back to the baseline is one confirm. It says why.
import { useId, useState, type FormEvent } from 'react';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import {
  OVERRIDE_REASON_MIN,
  overrideReasonLength,
  overrideReasonOk,
} from '../../../../shared/rules/override-reason';
import { formatShare } from './release-format';
import { intentOutdated, type ReleaseIntent, type ReleaseIntentHandle } from './release-intent';
import { releaseRisk, useReleaseEnvironment } from './release-typed-name';

const CONFIRM_LABEL: Record<ReleaseIntent['kind'], string> = {
  promote: 'Confirm promote',
  override: 'Override gates and promote',
  halt: 'Confirm halt',
  rollback: 'Confirm roll back',
};

function question(intent: ReleaseIntent, release: ReleaseStatus): string {
  const where = `${release.serviceName} ${release.environment}`;
  const next = release.nextRing;
  const to = next ? `${next.name} (${formatShare(next.share)} of users)` : 'the next ring';
  switch (intent.kind) {
    case 'promote':
      return `Promote ${intent.version} of ${where} from ${release.ring.name} to ${to}?`;
    case 'override':
      return `Promote ${intent.version} of ${where} to ${to} although its gates fail? This is audited with your reason.`;
    case 'halt':
      return `Halt ${intent.version} of ${where} in ${release.ring.name} (${formatShare(release.ring.share)} of users)? It goes no further until rolled back or patched.`;
    case 'rollback':
      return `Roll back ${where} to ${release.baselineVersion} in every ring? ${formatShare(release.ring.share)} of users leave ${intent.version}.`;
  }
}

interface ReleaseConfirmProps {
  intent: ReleaseIntent;
  release: ReleaseStatus | undefined;
  handle: ReleaseIntentHandle;
  /** Why it cannot be sent now (link down, another action running). */
  blocker: string | undefined;
}

export function ReleaseConfirm({ intent, release, handle, blocker }: ReleaseConfirmProps) {
  const [reason, setReason] = useState('');
  const [typedName, setTypedName] = useState('');
  const ids = useId();
  const override = intent.kind === 'override';
  const serviceName = release?.serviceName ?? '';
  const environment = useReleaseEnvironment(release);
  const risk = environment ? releaseRisk(intent.kind, environment, release) : undefined;
  const askName = risk?.confirmation === 'typed';
  const reasonShort = override && !overrideReasonOk(reason);
  const nameWrong = askName && typedName.trim() !== serviceName;
  const holdUp = intentOutdated(intent, release) ?? blocker;
  const ready = !handle.submitting && !holdUp && !reasonShort && !nameWrong;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) void handle.confirm(reason);
  };

  return (
    <form
      className={`release-confirm release-confirm--${intent.kind}`}
      data-testid="release-confirm"
      data-kind={intent.kind}
      aria-label={CONFIRM_LABEL[intent.kind]}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') handle.cancel();
      }}
    >
      <p className="release-confirm__question">
        {release ? question(intent, release) : 'The release is no longer moving.'}
      </p>
      {risk && (
        <p
          className="release-confirm__risk"
          data-testid="release-confirm-risk"
          data-confirmation={risk.confirmation}
        >
          {risk.why}
        </p>
      )}
      {override && release?.promote.reason && (
        <p className="release-confirm__failing">Blocked because: {release.promote.reason}</p>
      )}
      <div className="field">
        <label htmlFor={`${ids}-reason`}>
          {override ? (
            `Why override? (at least ${OVERRIDE_REASON_MIN} characters)`
          ) : (
            <>
              Reason, for the audit log <span className="field__optional">(optional)</span>
            </>
          )}
        </label>
        <input
          id={`${ids}-reason`}
          type="text"
          data-testid={override ? 'override-reason' : 'release-action-reason'}
          value={reason}
          maxLength={2_000}
          readOnly={handle.attempted}
          autoFocus
          aria-invalid={override && reason.length > 0 && reasonShort ? true : undefined}
          aria-describedby={override ? `${ids}-count` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {override && (
          <p className="field__hint" id={`${ids}-count`}>
            {overrideReasonLength(reason)} of at least {OVERRIDE_REASON_MIN} characters
          </p>
        )}
      </div>
      {askName && (
        <div className="field">
          <label htmlFor={`${ids}-name`}>
            Type <strong className="release-confirm__name">{serviceName}</strong> to confirm
          </label>
          <input
            id={`${ids}-name`}
            type="text"
            data-testid="release-confirm-name"
            value={typedName}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTypedName(event.target.value)}
          />
        </div>
      )}
      <div className="release-confirm__buttons">
        <button
          type="submit"
          className={`button ${intent.kind === 'promote' ? 'button--primary' : 'button--danger'}`}
          data-testid="release-confirm-button"
          disabled={!ready}
        >
          {CONFIRM_LABEL[intent.kind]}
        </button>
        <button
          type="button"
          className="button"
          disabled={handle.submitting}
          onClick={handle.cancel}
        >
          Cancel
        </button>
      </div>
      {handle.submitting && <p className="release-confirm__note">Submitting…</p>}
      {!handle.submitting && holdUp && <p className="release-confirm__blocker">{holdUp}</p>}
      {handle.error && (
        <p className="form-error" role="alert">
          {handle.error}
        </p>
      )}
    </form>
  );
}
