// What an operator can do with a release: promote it to the next ring (when
// its gates have passed for the soak time, or past them with a typed reason),
// halt it where it is, or roll every ring back to the baseline. Each opens
// its confirmation below; the answer shows inline as the action moves on.
import { useId } from 'react';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { Ring } from '../../../../shared/protocol';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { actionBlocker, asCaption, BLOCKER } from '../../../../shared/rules/action-blockers';
import { useConsoleStore } from '../../store/console-store';
import { ReleaseActionEntry } from './release-action-log';
import { ReleaseConfirm } from './release-confirm';
import { formatShare } from './release-format';
import { useReleaseIntent, type ReleaseActionKind } from './release-intent';
import { usePromoteReason } from './release-promote-reason';

/** "Beta customers (5 %)"; a name that already gives its share ("10% of users") stays as it is. */
const ringLabel = (ring: Ring): string =>
  /%/.test(ring.name) ? ring.name : `${ring.name} (${formatShare(ring.share)})`;

interface ReleaseControlsProps {
  release: ReleaseStatus;
  /** This release's actions, newest first. */
  records: ActionRecord[];
}

export function ReleaseControls({ release, records }: ReleaseControlsProps) {
  const handle = useReleaseIntent();
  const reasonId = useId();
  const connection = useConsoleStore((store) => store.connection);
  const endpoint = useConsoleStore((store) =>
    store.endpoints.find((item) => item.id === release.endpointId),
  );
  const last = useConsoleStore((store) =>
    handle.lastKey === undefined ? undefined : store.actions[handle.lastKey],
  );
  const latest = records[0];
  const blockerFor = (action: 'ring.promote' | 'ring.halt' | 'deploy.rollback') =>
    actionBlocker(action, {
      consoleLinkUp: connection === 'open',
      endpointId: release.endpointId,
      endpoint,
      latest,
    });
  const promoteBlocker = blockerFor('ring.promote');
  const haltBlocker =
    blockerFor('ring.halt') ??
    (release.ring.status === 'halted' ? asCaption(BLOCKER.halted(release.ring.name)) : undefined);
  const rollbackBlocker = blockerFor('deploy.rollback');
  const { reason: promoteReason, overrideWait } = usePromoteReason(release);
  const overrideBlocker = promoteBlocker ?? overrideWait;
  const next = release.nextRing;
  // Only gates can be overridden: the endpoint itself refuses a halted or unsoaked ring.
  const gatesFail =
    release.gates.length === 0 ||
    release.gates.some((gate) => gate.verdict === 'worse' || gate.verdict === 'nodata');
  const canOverride =
    !release.promote.allowed && gatesFail && next !== undefined && release.ring.status !== 'halted';
  const open = (kind: ReleaseActionKind) => handle.open(kind, release);
  const intent = handle.intent;
  const intentBlocker =
    intent === undefined
      ? undefined
      : intent.kind === 'halt'
        ? haltBlocker
        : intent.kind === 'rollback'
          ? rollbackBlocker
          : intent.kind === 'override'
            ? overrideBlocker
            : promoteBlocker;

  return (
    <section className="release-controls" aria-labelledby="release-controls-title">
      <h3 className="release-section__title" id="release-controls-title">
        Decide
      </h3>
      <div className="release-controls__promote">
        <button
          type="button"
          className="button button--primary"
          data-testid="promote-button"
          disabled={!release.promote.allowed || promoteBlocker !== undefined || !next}
          aria-describedby={reasonId}
          onClick={() => open('promote')}
        >
          {next ? `Promote to ${ringLabel(next)}` : 'Promote'}
        </button>
        {canOverride && (
          <button
            type="button"
            className="button button--danger"
            data-testid="override-button"
            disabled={overrideBlocker !== undefined}
            title={overrideBlocker}
            onClick={() => open('override')}
          >
            Override…
          </button>
        )}
      </div>
      <p
        id={reasonId}
        className={`release-controls__reason${release.promote.allowed ? ' release-controls__reason--ready' : ''}`}
        data-testid="promote-reason"
      >
        {promoteBlocker ??
          (release.promote.allowed
            ? `Gates pass and ${release.ring.name} has soaked: ready to promote`
            : `Promotion blocked: ${promoteReason}`)}
      </p>
      {canOverride && !promoteBlocker && overrideWait && (
        <p className="release-controls__note">Override waits: {overrideWait}.</p>
      )}
      <div className="release-controls__stop">
        <button
          type="button"
          className="button button--danger"
          data-testid="halt-button"
          disabled={haltBlocker !== undefined}
          title={haltBlocker}
          onClick={() => open('halt')}
        >
          Halt in {release.ring.name}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="rollback-button"
          disabled={rollbackBlocker !== undefined}
          title={rollbackBlocker}
          onClick={() => open('rollback')}
        >
          Roll back to {release.baselineVersion}
        </button>
      </div>
      {(haltBlocker ?? rollbackBlocker) && (
        <p className="release-controls__reason">
          {haltBlocker && `Halt: ${haltBlocker}. `}
          {rollbackBlocker && `Roll back: ${rollbackBlocker}.`}
        </p>
      )}
      {intent && (
        <ReleaseConfirm
          key={intent.key}
          intent={intent}
          release={release}
          handle={handle}
          blocker={intentBlocker}
        />
      )}
      <div className="release-controls__result" role="status" aria-live="polite">
        {last && !intent && <ReleaseActionEntry record={last} />}
      </div>
    </section>
  );
}
