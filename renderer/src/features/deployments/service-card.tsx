// One service in one environment: its stable version and each ring's
// version with its share of users, its health (the endpoint's
// report overruled by its alerts and link, from the one status model), and a
// guarded roll back.
import type { EnvironmentState, ServiceState } from '../../../../shared/protocol';
import { selectEndpointLabel, selectLatestAction } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';
import { ActionStatus } from '../actions';
import { DeployStatusBadge, useServiceHealth } from './deploy-status-badge';
import { RollbackControl } from './rollback-control';
import { ringVersionWords, serviceVersions } from './service-versions';

interface ServiceCardProps {
  endpointId: string;
  service: ServiceState;
  environment: EnvironmentState;
}

export function ServiceCard({ endpointId, service, environment }: ServiceCardProps) {
  const latest = useConsoleStore(selectLatestAction(endpointId, service.id, environment.id));
  const endpointLabel = useConsoleStore(selectEndpointLabel(endpointId));
  const health = useServiceHealth(endpointId, service, environment);
  const versions = serviceVersions(environment);
  return (
    <article
      className={`service-card service-card--${health.status}`}
      data-testid="service-card"
      data-service={service.id}
      data-environment={environment.id}
      data-health={health.status}
    >
      <div className="service-card__head">
        <span className="service-card__name">{service.name}</span>
        {endpointLabel && <span className="service-card__endpoint">{endpointLabel}</span>}
        <span className="service-card__env">{environment.id}</span>
      </div>
      <div className="service-card__line">
        <span className="service-card__versions" data-testid="service-versions">
          <span className="service-card__version" data-testid="service-version">
            {versions.stable}
          </span>
          {versions.rings.map((ring) => (
            <span
              key={ring.version}
              className="service-card__ring-version"
              data-testid="service-ring-version"
            >
              {` · ${ringVersionWords(ring)}`}
            </span>
          ))}
        </span>
        <DeployStatusBadge status={health.status} reason={health.reason} />
      </div>
      {/* Hidden in the display profile and on kiosk screens; disabled with its reason otherwise. */}
      <RollbackControl
        endpointId={endpointId}
        serviceId={service.id}
        environment={environment}
        onWall
      />
      {latest && <ActionStatus record={latest} />}
    </article>
  );
}
