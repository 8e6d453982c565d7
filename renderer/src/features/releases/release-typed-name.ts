// How a release decision is confirmed, by the shared risk policy: a promote
// (or an override) widens exposure, typed in production or when it reaches
// everyone; a halt stops the rollout and a roll back to the baseline (the
// last known-good) narrows it: one confirm. Production is the shared rule's
// (the environment's tier, else its name word by word).
import type { ReleaseStatus } from '../../../../shared/api/releases';
import {
  assessRisk,
  isProductionEnvironment,
  type RiskDecision,
  type TieredEnvironment,
} from '../../../../shared/rules/action-risk';
import { useConsoleStore } from '../../store/console-store';
import type { ReleaseActionKind } from './release-intent';

const widens = (kind: ReleaseActionKind) => kind === 'promote' || kind === 'override';

export function releaseRisk(
  kind: ReleaseActionKind,
  environment: TieredEnvironment,
  release: ReleaseStatus | undefined,
): RiskDecision {
  return assessRisk({
    action: widens(kind) ? 'ring.promote' : kind === 'halt' ? 'ring.halt' : 'deploy.rollback',
    production: isProductionEnvironment(environment),
    direction: widens(kind) ? 'widen' : 'narrow',
    reachesEveryone: widens(kind) && (release?.nextRing?.share ?? 0) >= 1,
  });
}

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
