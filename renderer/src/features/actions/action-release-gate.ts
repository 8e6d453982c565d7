// What the release gates say about promoting a release (the core computes
// them, and refuses a blocked promotion unless overridden with a reason).
import { useConsoleStore } from '../../store/console-store';

export interface ReleaseGateWord {
  allowed: boolean;
  /** Why not, in words an operator can act on. */
  reason: string | undefined;
}

export function useReleaseGate(
  endpointId: string,
  service: string,
  environment: string,
): ReleaseGateWord | undefined {
  const promote = useConsoleStore(
    (store) =>
      store.releases.find(
        (release) =>
          release.endpointId === endpointId &&
          release.service === service &&
          release.environment === environment,
      )?.promote,
  );
  return promote && { allowed: promote.allowed, reason: promote.reason };
}
