// Deployment state per endpoint, kept as a watch: a snapshot replaces it, a
// change upserts or removes one service, and anything not newer than what we
// hold is ignored so a late frame cannot roll the wall back.
import type { EndpointDeployments } from '../../../shared/api/console-state';
import type { DeploymentsChange, ServiceState } from '../../../shared/protocol';

export class DeployStore {
  private readonly byEndpoint = new Map<string, EndpointDeployments>();

  snapshot(
    endpointId: string,
    resourceVersion: number,
    services: ServiceState[],
  ): EndpointDeployments {
    const next = { endpointId, resourceVersion, services };
    this.byEndpoint.set(endpointId, next);
    return next;
  }

  /** Returns the new state, or undefined when the change was stale. */
  change(endpointId: string, change: DeploymentsChange): EndpointDeployments | undefined {
    const before = this.byEndpoint.get(endpointId) ?? {
      endpointId,
      resourceVersion: 0,
      services: [],
    };
    if (change.resourceVersion <= before.resourceVersion) return undefined;
    const gone = new Set([change.removed, change.service?.id]);
    const services = before.services.filter((s) => !gone.has(s.id));
    if (change.service) {
      const at = before.services.findIndex((s) => s.id === change.service?.id);
      services.splice(at < 0 ? services.length : at, 0, change.service);
    }
    const next = { endpointId, resourceVersion: change.resourceVersion, services };
    this.byEndpoint.set(endpointId, next);
    return next;
  }

  /** Where to resume this endpoint's watch after a reconnect. */
  versionOf(endpointId: string): number | undefined {
    return this.byEndpoint.get(endpointId)?.resourceVersion;
  }

  /** One environment as the endpoint last reported it. */
  environment(endpointId: string, service: string, environment: string) {
    return this.byEndpoint
      .get(endpointId)
      ?.services.find((s) => s.id === service)
      ?.environments.find((e) => e.id === environment);
  }

  forget(endpointId: string): void {
    this.byEndpoint.delete(endpointId);
  }

  all(): EndpointDeployments[] {
    return [...this.byEndpoint.values()];
  }
}
