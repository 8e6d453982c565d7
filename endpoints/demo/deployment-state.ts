// The demo's deployment state: services × environments, changed only through
// `update`, which bumps the resourceVersion and hands back the change to send.
import type { DeploymentsChange, EnvironmentState, ServiceState } from '../../shared/protocol';

export class DeploymentState {
  constructor(
    private list: ServiceState[],
    /** Starts at the clock, so a restarted demo never reuses an earlier run's versions. */
    private version: number,
  ) {}

  get resourceVersion(): number {
    return this.version;
  }

  /** Never mutated in place: a snapshot handed out earlier stays as it was. */
  get services(): ServiceState[] {
    return this.list;
  }

  environment(service: string, environment: string): EnvironmentState | undefined {
    return this.list.find((s) => s.id === service)?.environments.find((e) => e.id === environment);
  }

  /** Replaces one environment; throws on an unknown one (plans check targets first). */
  update(
    service: string,
    environment: string,
    change: (env: EnvironmentState) => EnvironmentState,
  ): DeploymentsChange {
    if (!this.environment(service, environment)) {
      throw new Error(`no ${environment} of ${service}`);
    }
    this.list = this.list.map((s) =>
      s.id !== service
        ? s
        : { ...s, environments: s.environments.map((e) => (e.id === environment ? change(e) : e)) },
    );
    this.version += 1;
    const updated = this.list.find((s) => s.id === service) as ServiceState;
    return { resourceVersion: this.version, service: updated };
  }
}
