// The recent deployment changes, so a console that reconnects with a
// resourceVersion can resume the watch instead of re-listing everything.
import type { DeploymentsChange } from '../../shared/protocol';

export class DeploymentsLog {
  private readonly changes: DeploymentsChange[] = [];

  constructor(private readonly keep = 100) {}

  record(change: DeploymentsChange): void {
    this.changes.push(change);
    if (this.changes.length > this.keep) this.changes.shift();
  }

  /** The changes after `version`, or undefined when the log no longer reaches back that far. */
  since(version: number, current: number): DeploymentsChange[] | undefined {
    if (version > current) return undefined;
    if (version === current) return [];
    const oldest = this.changes[0]?.resourceVersion;
    if (oldest === undefined || oldest > version + 1) return undefined;
    return this.changes.filter((c) => c.resourceVersion > version);
  }
}
