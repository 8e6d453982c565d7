// The decisions taken on a release, newest first: each action's lifecycle
// (pending → accepted → running → succeeded, or rejected / failed) with the
// refusal or outcome message, the operator, and the reason they typed.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionState } from '../../../../shared/protocol';
import { actionSummary } from '../../ui/action-summary';

const ICON: Record<ActionState, string> = {
  pending: '◌',
  accepted: '◔',
  running: '↻',
  succeeded: '✓',
  rejected: '⊘',
  failed: '✖',
  cancelled: '⊖',
  unknown: '?',
};

const SHOWN = 8;

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function ReleaseActionEntry({ record }: { record: ActionRecord }) {
  return (
    <div
      className={`release-action release-action--${record.state}`}
      data-testid="release-action"
      data-action={record.action}
      data-state={record.state}
      data-override={record.override ? 'true' : undefined}
    >
      <span className="release-action__head">
        <span aria-hidden="true">{ICON[record.state]} </span>
        <span className="release-action__what">
          {record.override ? 'Override: ' : ''}
          {actionSummary(record, record.fromVersion)}
        </span>
        <span className="release-action__state">{record.state}</span>
        <time className="release-action__time" dateTime={new Date(record.updatedAt).toISOString()}>
          {clock.format(new Date(record.updatedAt))}
        </time>
      </span>
      {record.message && (
        <span className="release-action__message" data-testid="release-action-message">
          {record.message}
        </span>
      )}
      <span className="release-action__who">
        by {record.operator}
        {record.reason ? `, because: “${record.reason}”` : ''}
      </span>
    </div>
  );
}

export function ReleaseActionLog({ records }: { records: ActionRecord[] }) {
  return (
    <section className="release-log" aria-labelledby="release-log-title">
      <h3 className="release-section__title" id="release-log-title">
        Decisions
      </h3>
      {records.length === 0 ? (
        <p className="release-empty">No actions on this release yet.</p>
      ) : (
        <ol className="release-log__list" data-testid="release-action-log">
          {records.slice(0, SHOWN).map((record) => (
            <li key={record.key}>
              <ReleaseActionEntry record={record} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
