// Automatic halt for the release on show: whether this console has it armed,
// after how many failing evaluations it halts, who armed it, and what it did.
// Arming and disarming are one click each (they only ever stop a rollout) and
// audited by the core. The display profile and kiosk see the state only.
import { useState } from 'react';
import type { ActionRecord } from '../../../../shared/api/actions';
import { AUTO_HALT_AFTER, type ReleaseStatus } from '../../../../shared/api/releases';
import { getConsoleApi } from '../../bridge/console-bridge';
import { formatClock } from '../../ui/clock-format';
import { useHostCall } from '../../ui/host-call';

interface ReleaseAutoHaltProps {
  release: ReleaseStatus;
  /** This release's actions: the halt it sent is among them, by key. */
  records: ActionRecord[];
  readOnly: boolean;
}

export function ReleaseAutoHalt({ release, records, readOnly }: ReleaseAutoHaltProps) {
  const { autoHalt } = release;
  const call = useHostCall('Could not change the automatic halt');
  const [after, setAfter] = useState<number>(AUTO_HALT_AFTER.default);
  const set = (armed: boolean) =>
    void call.run(() =>
      getConsoleApi().setAutoHalt({
        endpointId: release.endpointId,
        service: release.service,
        environment: release.environment,
        version: release.version,
        armed,
        after,
      }),
    );
  const fired = autoHalt?.fired;
  const halt = fired && records.find((record) => record.key === fired.key);
  return (
    <section
      className="release-auto-halt"
      data-testid="auto-halt"
      data-armed={autoHalt ? 'true' : 'false'}
      aria-labelledby="release-auto-halt-title"
    >
      <h3 className="release-section__title" id="release-auto-halt-title">
        Automatic halt
      </h3>
      {autoHalt ? (
        <p data-testid="auto-halt-state">
          Armed by {autoHalt.armedBy} at {formatClock(autoHalt.armedAt)}: halts {release.version}{' '}
          where it is after {autoHalt.after} evaluations worse in a row (one a second).
        </p>
      ) : (
        <p data-testid="auto-halt-state">
          Not armed on this console: a failing ring raises an alert and waits for an operator.
        </p>
      )}
      {fired && (
        <p
          className="release-auto-halt__fired"
          data-testid="auto-halt-fired"
          data-state={halt ? halt.state : 'pending'}
        >
          Halted {release.version} in {fired.ring} at {formatClock(fired.at)}
          {halt ? ` by ${halt.operator} (${halt.state})` : ''}, because {fired.cause}.
        </p>
      )}
      {!readOnly && (
        <AutoHaltControls
          armed={autoHalt !== undefined}
          after={after}
          busy={call.busy}
          onAfter={setAfter}
          onSet={set}
        />
      )}
      {call.error && (
        <p role="alert" className="release-auto-halt__error" data-testid="auto-halt-error">
          {call.error}
        </p>
      )}
    </section>
  );
}

interface AutoHaltControlsProps {
  armed: boolean;
  after: number;
  busy: boolean;
  onAfter(after: number): void;
  onSet(armed: boolean): void;
}

function AutoHaltControls({ armed, after, busy, onAfter, onSet }: AutoHaltControlsProps) {
  const button = (
    <button
      type="button"
      className="button"
      data-testid={armed ? 'auto-halt-disarm' : 'auto-halt-arm'}
      disabled={busy}
      onClick={() => onSet(!armed)}
    >
      {armed ? 'Disarm automatic halt' : 'Arm automatic halt'}
    </button>
  );
  if (armed) return button;
  return (
    <div className="release-auto-halt__arm">
      <label>
        Halt after{' '}
        <input
          type="number"
          data-testid="auto-halt-after"
          min={AUTO_HALT_AFTER.min}
          max={AUTO_HALT_AFTER.max}
          value={after}
          disabled={busy}
          onChange={(event) => onAfter(clampAfter(event.target.valueAsNumber))}
        />{' '}
        evaluations worse
      </label>
      {button}
    </div>
  );
}

/** An empty or out-of-range box falls back into the range the core accepts. */
function clampAfter(value: number): number {
  if (!Number.isFinite(value)) return AUTO_HALT_AFTER.default;
  return Math.min(AUTO_HALT_AFTER.max, Math.max(AUTO_HALT_AFTER.min, Math.round(value)));
}
