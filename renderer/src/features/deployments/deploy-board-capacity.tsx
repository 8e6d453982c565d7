// An environment's capacity (servers, CPU cores, storage) and "Scale".
import type { EnvironmentState } from '../../../../shared/protocol';
import { ActionLauncher } from '../actions';
import { RESOURCE_WORDS } from '../actions';

interface CapacityProps {
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
}

export function DeployBoardCapacity({ endpointId, serviceId, env }: CapacityProps) {
  const capacity = env.capacity;
  if (!capacity) return null;
  const resources = (Object.keys(RESOURCE_WORDS) as (keyof typeof RESOURCE_WORDS)[]).filter(
    (resource) => capacity[resource] !== undefined,
  );
  return (
    <section className="board-section" aria-label={`Capacity of ${serviceId} ${env.id}`}>
      <h4 className="board-section__title">Capacity</h4>
      <dl className="board-capacity" data-testid="board-capacity">
        {resources.map((resource) => (
          <div key={resource} className="board-capacity__item">
            <dt>{RESOURCE_WORDS[resource]}</dt>
            <dd data-testid={`board-capacity-${resource}`}>{capacity[resource]}</dd>
          </div>
        ))}
      </dl>
      <ActionLauncher
        endpointId={endpointId}
        call={{
          action: 'capacity.scale',
          args: { service: serviceId, environment: env.id, resource: 'servers', change: 1 },
        }}
        ariaLabel={`Scale ${serviceId} ${env.id}`}
      >
        Scale
      </ActionLauncher>
    </section>
  );
}
