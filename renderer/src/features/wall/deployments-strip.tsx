// Every service × environment of every endpoint, as a row of cards.
import { useConsoleStore } from '../../store/console-store';
import { ServiceCard } from '../deployments';

export function DeploymentsStrip() {
  const deployments = useConsoleStore((store) => store.deployments);
  const cards = deployments.flatMap(({ endpointId, services }) =>
    services.flatMap((service) =>
      service.environments.map((environment) => ({ endpointId, service, environment })),
    ),
  );
  if (cards.length === 0) return null;
  return (
    <section className="deployments" aria-label="Deployments" data-testid="deployments">
      {cards.map(({ endpointId, service, environment }) => (
        <ServiceCard
          key={`${endpointId}/${service.id}/${environment.id}`}
          endpointId={endpointId}
          service={service}
          environment={environment}
        />
      ))}
    </section>
  );
}
