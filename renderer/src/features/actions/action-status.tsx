// An action's lifecycle where it shows (a service card, the board, a tile):
// its state in words, icon and colour, and with `trail` the steps so far:
// pending → accepted (or rejected) → running → succeeded, failed or cancelled;
// who took it and why, and whether it was taken elsewhere (another console).
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

/** Marks what another console or tool took: this console learnt it from the endpoint. */
export function ElsewhereMark() {
  return (
    <span
      className="action-elsewhere"
      data-testid="action-elsewhere"
      title="Taken elsewhere: another console or tool; operator and reason as the endpoint reported them"
    >
      elsewhere
    </span>
  );
}

/** The state in words: `unknown` tells the operator where to look. */
export const stateWords = (state: ActionState): string =>
  state === 'unknown' ? 'unknown: check the endpoint' : state;

/** The lifecycle steps a record in this state has gone through, itself last. */
export function lifecycleTrail(state: ActionState): ActionState[] {
  switch (state) {
    case 'pending':
      return ['pending'];
    case 'accepted':
    case 'rejected':
      return ['pending', state];
    case 'running':
      return ['pending', 'accepted', 'running'];
    case 'unknown':
      return ['pending', 'unknown'];
    default:
      return ['pending', 'accepted', 'running', state];
  }
}

export function ActionStatus({ record, trail = false }: { record: ActionRecord; trail?: boolean }) {
  const when = new Date(record.updatedAt).toISOString();
  return (
    <p
      className={`action-status action-status--${record.state}`}
      data-testid="action-status"
      data-state={record.state}
      data-key={record.key}
      data-operator={record.operator}
      data-elsewhere={record.elsewhere ? 'true' : undefined}
      role="status"
      title={`${when} by ${record.operator}${record.reason ? `: ${record.reason}` : ''}`}
    >
      <span aria-hidden="true">{ICON[record.state]} </span>
      {`${actionSummary(record, record.fromVersion)}: ${stateWords(record.state)}`}
      <span className="action-status__message">
        {' '}
        by {record.operator}
        {record.reason && (
          <span className="action-status__reason" data-testid="action-status-reason">
            {`: “${record.reason}”`}
          </span>
        )}
        {record.message && ` (${record.message})`}
      </span>
      {record.elsewhere && <ElsewhereMark />}
      {trail && (
        <span className="action-status__trail" data-testid="action-trail">
          {lifecycleTrail(record.state).join(' → ')}
        </span>
      )}
    </p>
  );
}
