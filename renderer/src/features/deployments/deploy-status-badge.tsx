// An environment's health: colour, icon and word, and why when it is not what
// the endpoint reports. The health comes from the one status model, so a card
// never reads healthy while its service's alerts fire or its link is down.
import type { EnvironmentState, ServiceState } from '../../../../shared/protocol';
import {
  serviceHealth,
  type ServiceHealth,
  type ServiceVerdict,
} from '../../../../shared/rules/status-model';
import { selectStatusInputs } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';
import { useNow } from '../../ui/now-ticker';

const ICON: Record<ServiceVerdict, string> = {
  healthy: '✓',
  degraded: '▲',
  deploying: '↻',
  'rolling-back': '↺',
  failed: '✖',
  unknown: '?',
};

/** Re-read on the shared 1 s tick, like the header's verdict, so both move together. */
export function useServiceHealth(
  endpointId: string,
  service: ServiceState,
  environment: EnvironmentState,
): ServiceHealth {
  const now = useNow();
  const place = {
    endpointId,
    service: service.id,
    environment: environment.id,
    environments: service.environments.map((env) => env.id),
  };
  const inputs = selectStatusInputs(useConsoleStore.getState(), now);
  return serviceHealth(place, environment.status, inputs);
}

interface DeployStatusBadgeProps {
  status: ServiceVerdict;
  reason?: string | undefined;
}

export function DeployStatusBadge({ status, reason }: DeployStatusBadgeProps) {
  return (
    <span
      className={`deploy-status deploy-status--${status}`}
      data-testid="deploy-status"
      data-status={status}
    >
      <span aria-hidden="true">{ICON[status]} </span>
      {status}
      {reason && <span data-testid="deploy-status-reason">: {reason}</span>}
    </span>
  );
}
