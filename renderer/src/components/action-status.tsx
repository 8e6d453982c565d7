// The latest action on a service card, with its lifecycle state in words.
import type { ActionRecord } from '../../../shared/console-api';
import type { ActionState } from '../../../shared/protocol';
import { useConsoleStore } from '../store/console-store';

const ICON: Record<ActionState, string> = {
  pending: '◌',
  accepted: '◔',
  running: '↻',
  succeeded: '✓',
  rejected: '⊘',
  failed: '✖',
  unknown: '?',
};

export function ActionStatus({ record }: { record: ActionRecord }) {
  const fromVersion = useConsoleStore((store) => store.rollbackFrom[record.key]);
  const toVersion = record.args.toVersion ?? 'previous';
  const versions = fromVersion ? `${fromVersion} → ${toVersion}` : `→ ${toVersion}`;
  return (
    <p
      className={`action-status action-status--${record.state}`}
      data-testid="action-status"
      data-state={record.state}
      title={new Date(record.updatedAt).toISOString()}
    >
      <span aria-hidden="true">{ICON[record.state]} </span>
      {`Rollback ${versions}: ${record.state}`}
      {record.message && <span className="action-status__message"> ({record.message})</span>}
    </p>
  );
}
