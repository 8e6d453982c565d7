// Deployment state per endpoint. A snapshot only replaces the stored one when
// its resourceVersion is newer, so a late frame cannot roll the wall back.
import type { EndpointDeployments } from '../../shared/console-api';

export class DeployStore {
  private readonly byEndpoint = new Map<string, EndpointDeployments>();

  /** Returns the stored state when it changed, undefined when the update was stale. */
  apply(update: EndpointDeployments): EndpointDeployments | undefined {
    const before = this.byEndpoint.get(update.endpointId);
    if (before && update.resourceVersion <= before.resourceVersion) return undefined;
    this.byEndpoint.set(update.endpointId, update);
    return update;
  }

  /** An endpoint that restarted counts versions from zero again: forget what it told us. */
  reset(endpointId: string): void {
    this.byEndpoint.delete(endpointId);
  }

  all(): EndpointDeployments[] {
    return [...this.byEndpoint.values()];
  }
}
