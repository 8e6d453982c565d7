// Environments that are deploying or rolling back right now, from deployments.
import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore } from '../../store/console-store';

const IN_FLIGHT = new Set(['deploying', 'rolling-back']);

export function DeploysInFlight() {
  const flights = useConsoleStore(
    useShallow((store) =>
      store.deployments.flatMap(({ services }) =>
        services.flatMap((service) =>
          service.environments
            .filter((environment) => IN_FLIGHT.has(environment.status))
            .map((environment) => `${service.name} ${environment.id} ${environment.status}`),
        ),
      ),
    ),
  );
  const count = flights.length;
  return (
    <div
      className={`deploys-in-flight${count ? ' deploys-in-flight--busy' : ''}`}
      data-testid="deploys-in-flight"
      data-count={count}
      title={flights.join('\n') || 'No deployment is running'}
    >
      <span aria-hidden="true">{count ? '↻ ' : '◦ '}</span>
      {count === 0
        ? 'no deploys in flight'
        : `${count} deploy${count === 1 ? '' : 's'} in flight: ${flights.join(', ')}`}
    </div>
  );
}
