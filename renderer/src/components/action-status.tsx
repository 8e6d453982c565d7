// The latest action on a service card, with its lifecycle state in words.
import type { ActionRecord } from '../../../shared/console-api';
import type { ActionState } from '../../../shared/protocol';
import { useConsoleStore } from '../store/console-store';
import { actionSummary } from './action-summary';

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

export function ActionStatus({ record }: { record: ActionRecord }) {
  const fromVersion = useConsoleStore((store) => store.rollbackFrom[record.key]);
  const when = new Date(record.updatedAt).toISOString();
  return (
    <p
      className={`action-status action-status--${record.state}`}
      data-testid="action-status"
      data-state={record.state}
      title={`${when} by ${record.operator}${record.reason ? `: ${record.reason}` : ''}`}
    >
      <span aria-hidden="true">{ICON[record.state]} </span>
      {`${actionSummary(record, fromVersion)}: ${record.state}`}
      <span className="action-status__message">
        {' '}
        by {record.operator}
        {record.message && ` (${record.message})`}
      </span>
    </p>
  );
}
