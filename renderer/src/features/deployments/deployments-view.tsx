// The deployments board: services × environments of every endpoint, each
// cell with its versions, build, rings, flags, capacity and history, and the
// actions the endpoint offers, each behind its confirmation.
import { useId } from 'react';
import type { EndpointDeployments } from '../../../../shared/api/console-state';
import type { ServiceState } from '../../../../shared/protocol';
import { DeployBoardEnvironment } from './deploy-board-environment';
import { selectEndpointLabel } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';

export function DeploymentsView() {
  const deployments = useConsoleStore((store) => store.deployments);
  return (
    <main
      className="deployments-view board"
      data-testid="deployments-view"
      aria-labelledby="deployments-title"
    >
      <h2 className="alerts__title" id="deployments-title">
        Deployments
      </h2>
      {deployments.length === 0 ? (
        <p className="alerts__empty">No endpoint reports deployments yet.</p>
      ) : (
        deployments.map((entry) => <EndpointBoard key={entry.endpointId} entry={entry} />)
      )}
    </main>
  );
}

function EndpointBoard({ entry }: { entry: EndpointDeployments }) {
  const label = useConsoleStore(selectEndpointLabel(entry.endpointId));
  const environments = [
    ...new Set(entry.services.flatMap((service) => service.environments.map((env) => env.id))),
  ];
  return (
    <section
      className="board__endpoint"
      aria-label={label ? `Deployments of ${label}` : 'Deployments'}
      data-testid="deploy-board"
    >
      {label && <h3 className="board__endpoint-name">{label}</h3>}
      {entry.services.map((service) => (
        <ServiceRow
          key={service.id}
          endpointId={entry.endpointId}
          service={service}
          environments={environments}
        />
      ))}
    </section>
  );
}

interface ServiceRowProps {
  endpointId: string;
  service: ServiceState;
  /** Every environment of the endpoint, in the same order for every service: the board's columns. */
  environments: string[];
}

function ServiceRow({ endpointId, service, environments }: ServiceRowProps) {
  const headingId = useId();
  return (
    <section
      className="board__service"
      aria-labelledby={headingId}
      data-testid="board-service"
      data-service={service.id}
    >
      <h3 className="board__service-name" id={headingId}>
        {service.name} <span className="board-muted">({service.id})</span>
      </h3>
      <div
        className="board__cells"
        style={{ gridTemplateColumns: `repeat(${environments.length}, minmax(24rem, 1fr))` }}
      >
        {environments.map((envId) => {
          const env = service.environments.find((candidate) => candidate.id === envId);
          return env ? (
            <DeployBoardEnvironment
              key={envId}
              endpointId={endpointId}
              service={service}
              env={env}
            />
          ) : (
            <p key={envId} className="board-cell board-cell--absent board-muted">
              Not in {envId}
            </p>
          );
        })}
      </div>
    </section>
  );
}
