// The bridge's deployment state, versioned: every change of a service gets a
// greater resourceVersion (starting from the epoch ms at startup, so versions
// keep growing across restarts), and the recent changes are kept so that a
// console that reconnects can resume instead of re-listing.
import type { DeploymentsChange, ServiceState } from '../../shared/protocol';

export class DeploymentsLog {
  private readonly services = new Map<string, { state: ServiceState; text: string }>();
  private readonly changes: DeploymentsChange[] = [];
  private version: number;

  constructor(
    start = Date.now(),
    private readonly keep = 500,
  ) {
    this.version = start;
  }

  get resourceVersion(): number {
    return this.version;
  }

  snapshot(): { resourceVersion: number; services: ServiceState[] } {
    return {
      resourceVersion: this.version,
      services: [...this.services.values()].map((s) => s.state),
    };
  }

  /** Brings the state to `next`; returns the changes it took (none when nothing changed). */
  update(next: ServiceState[]): DeploymentsChange[] {
    const made: DeploymentsChange[] = [];
    const ids = new Set(next.map((service) => service.id));
    for (const id of [...this.services.keys()]) {
      if (ids.has(id)) continue;
      this.services.delete(id);
      made.push(this.record({ resourceVersion: this.version + 1, removed: id }));
    }
    for (const service of next) {
      const text = JSON.stringify(service);
      if (this.services.get(service.id)?.text === text) continue;
      this.services.set(service.id, { state: service, text });
      made.push(this.record({ resourceVersion: this.version + 1, service }));
    }
    return made;
  }

  /** The changes after `version`, or undefined when the log does not reach back that far. */
  since(version: number): DeploymentsChange[] | undefined {
    if (version > this.version) return undefined;
    if (version === this.version) return [];
    const oldest = this.changes[0]?.resourceVersion;
    if (oldest === undefined || oldest > version + 1) return undefined;
    return this.changes.filter((change) => change.resourceVersion > version);
  }

  private record(change: DeploymentsChange): DeploymentsChange {
    this.version = change.resourceVersion;
    this.changes.push(change);
    if (this.changes.length > this.keep) this.changes.shift();
    return change;
  }
}
