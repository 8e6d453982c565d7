// Why a release cannot be promoted yet, in words an operator can act on. A
// soak counts down every second from readyAt rather than waiting for the
// core's next word; any other reason (a failing gate, a halt) is the core's.
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { formatDuration } from './release-format';
import { useNow } from '../../ui/now-ticker';

export function promoteReason(release: ReleaseStatus, now: number): string | undefined {
  const { allowed, reason, readyAt } = release.promote;
  if (allowed) return undefined;
  if (readyAt !== undefined) {
    const left = readyAt - now;
    if (left > 0) {
      return `soaking in ${release.ring.name}: ${formatDuration(Math.ceil(left / 1000) * 1000)} left while the gates keep passing`;
    }
    return `${release.ring.name} has soaked; waiting for the next gate check`;
  }
  return reason ?? 'the core gave no reason';
}

/** How long the release's ring must still soak before the endpoint lets it move on. */
export function soakLeft(release: ReleaseStatus, now: number): number {
  const { since, minSoakMs } = release.ring;
  if (since === undefined || minSoakMs === undefined) return 0;
  return Math.max(0, since + minSoakMs - now);
}

/** Why promotion is blocked, and why an override must still wait (the soak), live. */
export function usePromoteReason(release: ReleaseStatus): {
  reason: string | undefined;
  overrideWait: string | undefined;
} {
  const now = useNow();
  const left = soakLeft(release, now);
  return {
    reason: promoteReason(release, now),
    overrideWait:
      left > 0
        ? `${release.ring.name} must soak ${formatDuration(Math.ceil(left / 1000) * 1000)} more before any promotion`
        : undefined,
  };
}
