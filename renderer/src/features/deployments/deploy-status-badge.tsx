// An environment's deployment status: colour, icon and word.
import type { EnvironmentState } from '../../../../shared/protocol';

type DeployStatus = EnvironmentState['status'];

const ICON: Record<DeployStatus, string> = {
  healthy: '✓',
  degraded: '▲',
  deploying: '↻',
  'rolling-back': '↺',
  failed: '✖',
};

export function DeployStatusBadge({ status }: { status: DeployStatus }) {
  return (
    <span className={`deploy-status deploy-status--${status}`} data-testid="deploy-status">
      <span aria-hidden="true">{ICON[status]} </span>
      {status}
    </span>
  );
}
