// The service and environment an action names, as the board shows them now.
import type { EnvironmentState, ServiceState } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';

export interface TargetState {
  service: ServiceState;
  env: EnvironmentState;
}

export function useTargetState(
  endpointId: string,
  serviceId: string,
  environmentId: string,
): TargetState | undefined {
  const service = useConsoleStore((store) =>
    store.deployments
      .find((entry) => entry.endpointId === endpointId)
      ?.services.find((candidate) => candidate.id === serviceId),
  );
  const env = service?.environments.find((candidate) => candidate.id === environmentId);
  return service && env ? { service, env } : undefined;
}

/** What the operator agreed to move from: a change here voids the confirmation. */
export function envFingerprint(env: EnvironmentState): string {
  return JSON.stringify({
    version: env.version,
    previous: env.previousVersions,
    rings: env.rings?.map((ring) => [ring.id, ring.version, ring.share, ring.status]),
    flags: env.flags?.map((flag) => [flag.id, flag.enabled]),
    capacity: env.capacity,
    build: env.build && [env.build.id, env.build.status],
  });
}
