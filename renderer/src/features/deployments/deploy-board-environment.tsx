// One cell of the deployments board: a service in one environment, with its
// version, build, rings, flags, capacity, the latest action's lifecycle and
// the event history, and every action the endpoint offers on it.
import type { EnvironmentState, ServiceState } from '../../../../shared/protocol';
import { selectLatestAction } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';
import { ActionStatus } from '../actions';
import { formatClock } from '../../ui/clock-format';
import { DeployBoardBuild } from './deploy-board-build';
import { DeployBoardCapacity } from './deploy-board-capacity';
import { DeployBoardEvents } from './deploy-board-events';
import { DeployBoardFlags } from './deploy-board-flags';
import { DeployBoardRings } from './deploy-board-rings';
import { DeployBoardVersions } from './deploy-board-versions';
import { DeployStatusBadge, useServiceHealth } from './deploy-status-badge';

interface EnvironmentProps {
  endpointId: string;
  service: ServiceState;
  env: EnvironmentState;
}

export function DeployBoardEnvironment({ endpointId, service, env }: EnvironmentProps) {
  const latest = useConsoleStore(selectLatestAction(endpointId, service.id, env.id));
  const parts = { endpointId, serviceId: service.id, env };
  const health = useServiceHealth(endpointId, service, env);
  return (
    <article
      className={`board-cell board-cell--${env.status}`}
      data-testid="board-cell"
      data-endpoint-id={endpointId}
      data-service={service.id}
      data-environment={env.id}
      aria-label={`${service.name} in ${env.id}`}
    >
      <header className="board-cell__head">
        <h3 className="board-cell__env">{env.id}</h3>
        <span className="board-cell__version" data-testid="board-version">
          {env.version}
        </span>
        <DeployStatusBadge status={health.status} reason={health.reason} />
        <span className="board-muted">updated {formatClock(env.updatedAt)}</span>
      </header>
      {latest && <ActionStatus record={latest} trail />}
      <DeployBoardVersions {...parts} />
      <DeployBoardBuild {...parts} />
      <DeployBoardRings {...parts} />
      <DeployBoardFlags {...parts} />
      <DeployBoardCapacity {...parts} />
      <DeployBoardEvents endpointId={endpointId} serviceId={service.id} environmentId={env.id} />
    </article>
  );
}
