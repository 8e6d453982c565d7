// "Roll back", then an inline confirmation that says exactly what will happen.
import type { EnvironmentState } from '../../../shared/protocol';
import type { useRollbackIntent } from './rollback-intent';

interface RollbackControlProps {
  serviceName: string;
  environment: EnvironmentState;
  rollback: ReturnType<typeof useRollbackIntent>;
  blocker: string | undefined;
}

export function RollbackControl({
  serviceName,
  environment,
  rollback,
  blocker,
}: RollbackControlProps) {
  const { intent, submitting } = rollback;
  if (!intent) {
    return (
      <div className="rollback">
        <button
          type="button"
          className="button button--danger"
          disabled={blocker !== undefined}
          title={blocker}
          onClick={() => rollback.open(environment)}
        >
          Roll back
        </button>
        {blocker && <span className="rollback__blocker">{blocker}</span>}
      </div>
    );
  }
  // The version moved while the question was open: what was agreed no longer holds.
  const moved = environment.version !== intent.fromVersion;
  const holdUp = moved ? `Version is now ${environment.version}; cancel and start again` : blocker;
  return (
    <div className="rollback rollback--confirming" role="group" aria-label="Confirm roll back">
      <p className="rollback__question">
        Roll back {serviceName} in {environment.id}: {intent.fromVersion} → {intent.toVersion}
      </p>
      <div className="rollback__buttons">
        <button
          type="button"
          className="button button--danger"
          disabled={submitting || holdUp !== undefined}
          title={holdUp}
          onClick={() => void rollback.confirm()}
        >
          Confirm roll back
        </button>
        <button type="button" className="button" disabled={submitting} onClick={rollback.cancel}>
          Cancel
        </button>
      </div>
      {submitting && <span className="rollback__note">Submitting…</span>}
      {!submitting && holdUp && <span className="rollback__blocker">{holdUp}</span>}
    </div>
  );
}
