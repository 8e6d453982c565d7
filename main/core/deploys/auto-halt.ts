// Automatic halt: an operator arms it on this console for one release; when
// the release's ring stays worse than the baseline for the armed number of
// consecutive evaluations, the console halts the ring by itself. The halt's
// idempotency key comes from the release, the ring and the verdict only
// (autoHaltKey), so consoles armed on the same release send the same request
// and the endpoint runs it once.
import type { ActionRequest } from '../../../shared/api/actions';
import type { AutoHalt, AutoHaltRequest, ReleaseStatus } from '../../../shared/api/releases';
import { autoHaltDue, autoHaltKey } from '../../../shared/rules/ring-rollout';

type Release = Pick<ReleaseStatus, 'endpointId' | 'service' | 'environment' | 'version'>;

const idOf = (r: Release): string =>
  `${r.endpointId}\u0000${r.service}\u0000${r.environment}\u0000${r.version}`;

/** A halt that is due: the request to submit, and who it acts for. */
export interface DueHalt {
  request: ActionRequest;
  operator: string;
}

export class AutoHaltDesk {
  private readonly armed = new Map<string, AutoHalt>();

  /** Arms or disarms; returns whether anything changed (an unchanged arming is not audited twice). */
  set(request: AutoHaltRequest, operator: string, now: number): boolean {
    const id = idOf(request);
    const before = this.armed.get(id);
    if (!request.armed) return this.armed.delete(id);
    if (before && before.after === request.after) return false;
    this.armed.set(id, { after: request.after, armedBy: operator, armedAt: now });
    return true;
  }

  /** The releases as the renderer sees them: each with its arming, if armed here. */
  decorate(releases: ReleaseStatus[]): ReleaseStatus[] {
    return releases.map((release) => {
      const autoHalt = this.armed.get(idOf(release));
      return autoHalt ? { ...release, autoHalt } : release;
    });
  }

  /** Halts due now, each marked as sent so it is sent once from this console. */
  due(releases: ReleaseStatus[], now: number): DueHalt[] {
    const out: DueHalt[] = [];
    for (const release of releases) {
      const arming = this.armed.get(idOf(release));
      if (!arming || arming.fired?.ring === release.ring.id) continue;
      if (!autoHaltDue(release.ring, release.failing?.evaluations, arming.after)) continue;
      const halt = haltOf(release, arming);
      this.armed.set(idOf(release), {
        ...arming,
        fired: { key: halt.request.key, at: now, ring: release.ring.id, cause: causeOf(release) },
      });
      out.push(halt);
    }
    return out;
  }
}

/** "Beta customers worse for 3 evaluations: Failed requests +340% vs tolerance 50%". */
function causeOf(release: ReleaseStatus): string {
  const failing = release.failing;
  const gates = failing?.gates.join('; ') ?? 'gates worse';
  return `${release.ring.name} worse for ${failing?.evaluations ?? 0} evaluations: ${gates}`;
}

function haltOf(release: ReleaseStatus, arming: AutoHalt): DueHalt {
  const { service, environment, version } = release;
  const key = autoHaltKey({ service, environment, ring: release.ring.id, version });
  return {
    operator: `automatic halt (armed by ${arming.armedBy})`,
    request: {
      endpointId: release.endpointId,
      key,
      action: 'ring.halt',
      args: { service, environment, version },
      reason: `automatic halt: ${causeOf(release)}`,
    },
  };
}
