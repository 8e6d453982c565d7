// Which release decisions ask for the service's name typed out: a halt or a
// roll back in production, since those reach real users at once. Production
// is the shared rule's (the environment's tier, else its name word by word).
import type { ReleaseStatus } from '../../../../shared/api/releases';
import {
  isProductionEnvironment,
  type TieredEnvironment,
} from '../../../../shared/rules/action-risk';
import { useConsoleStore } from '../../store/console-store';
import type { ReleaseActionKind } from './release-intent';

export const needsTypedName = (kind: ReleaseActionKind, environment: TieredEnvironment): boolean =>
  (kind === 'halt' || kind === 'rollback') && isProductionEnvironment(environment);

/** The release's environment with the tier its endpoint declares, if it declares one. */
export function useReleaseEnvironment(
  release: ReleaseStatus | undefined,
): TieredEnvironment | undefined {
  const tier = useConsoleStore((store) => {
    if (!release) return undefined;
    return store.deployments
      .find((item) => item.endpointId === release.endpointId)
      ?.services.find((service) => service.id === release.service)
      ?.environments.find((env) => env.id === release.environment)?.tier;
  });
  if (!release) return undefined;
  return { id: release.environment, ...(tier ? { tier } : {}) };
}
