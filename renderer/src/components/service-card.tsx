// One service in one environment: its version, health, and a guarded roll back.
import type { EnvironmentState, ServiceState } from '../../../shared/protocol';
import {
  selectEndpoint,
  selectEndpointLabel,
  selectLatestAction,
} from '../store/console-selectors';
import { useConsoleStore } from '../store/console-store';
import { ActionStatus } from './action-status';
import { DeployStatusBadge } from './deploy-status-badge';
import { RollbackControl } from './rollback-control';
import { rollbackBlocker, useRollbackIntent } from './rollback-intent';

interface ServiceCardProps {
  endpointId: string;
  service: ServiceState;
  environment: EnvironmentState;
}

export function ServiceCard({ endpointId, service, environment }: ServiceCardProps) {
  const target = { endpointId, service: service.id, environment: environment.id };
  const endpoint = useConsoleStore(selectEndpoint(endpointId));
  const latest = useConsoleStore(selectLatestAction(endpointId, service.id, environment.id));
  const connection = useConsoleStore((store) => store.connection);
  const endpointLabel = useConsoleStore(selectEndpointLabel(endpointId));
  // The display profile draws no action controls; the host refuses actions there anyway.
  const readOnly = useConsoleStore((store) => store.profile === 'display' || store.kiosk);
  const rollback = useRollbackIntent(target);
  const blocker = rollbackBlocker(connection, endpoint, environment, latest);
  return (
    <article
      className={`service-card service-card--${environment.status}`}
      data-testid="service-card"
      data-service={service.id}
      data-environment={environment.id}
    >
      <div className="service-card__head">
        <span className="service-card__name">{service.name}</span>
        {endpointLabel && <span className="service-card__endpoint">{endpointLabel}</span>}
        <span className="service-card__env">{environment.id}</span>
      </div>
      <div className="service-card__line">
        <span className="service-card__version" data-testid="service-version">
          {environment.version}
        </span>
        <DeployStatusBadge status={environment.status} />
      </div>
      {!readOnly && (
        <RollbackControl
          serviceName={service.name}
          environment={environment}
          rollback={rollback}
          blocker={blocker}
        />
      )}
      {latest && <ActionStatus record={latest} />}
      {!readOnly && rollback.error && (
        <p className="service-card__error" data-testid="action-error" role="alert">
          {rollback.error}
        </p>
      )}
    </article>
  );
}
