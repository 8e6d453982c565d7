// What the live console knew over time besides series and alerts, recorded
// as changes arrive so that a snapshot can show any instant as it was:
// deployments per endpoint, releases with their gate verdicts, link states,
// action records through their lifecycle, and series that left a catalog.
// Every list is bounded by count and bytes (HistoryLog).
import { dequal } from 'dequal';
import type { ActionRecord } from '../../../shared/api/actions';
import type { EndpointDeployments } from '../../../shared/api/console-state';
import type { LinkState } from '../../../shared/api/links';
import type { ReleaseStatus } from '../../../shared/api/releases';
import type { SnapshotHistory } from '../../../shared/api/snapshot';
import { HistoryLog, type HistoryLimits } from './history-log';

export const HISTORY_LIMITS: Record<keyof Omit<SnapshotHistory, 'recorded'>, HistoryLimits> = {
  deployments: { count: 5_000, bytes: 1024 * 1024 },
  releases: { count: 3_000, bytes: 1024 * 1024 },
  links: { count: 2_000, bytes: 256 * 1024 },
  actions: { count: 5_000, bytes: 1024 * 1024 },
  departed: { count: 5_000, bytes: 512 * 1024 },
};

/**
 * Gate values move every second; a change of anything else (a ring, a
 * verdict, a version) is recorded at once, values alone at most this often.
 */
export const RELEASE_VALUES_EVERY_MS = 10_000;

export class ConsoleHistory {
  private readonly deployments = new HistoryLog<EndpointDeployments>(HISTORY_LIMITS.deployments);
  private readonly releases = new HistoryLog<ReleaseStatus[]>(HISTORY_LIMITS.releases);
  private readonly links = new HistoryLog<{ endpointId: string; state: LinkState }>(
    HISTORY_LIMITS.links,
  );
  private readonly actions = new HistoryLog<ActionRecord>(HISTORY_LIMITS.actions);
  private readonly departed = new HistoryLog<string>(HISTORY_LIMITS.departed);
  private releaseShape: unknown;
  private releasesAt = -Infinity;

  deploymentsChanged(at: number, deployments: EndpointDeployments): void {
    this.deployments.add(at, deployments.endpointId, deployments);
  }

  releasesChanged(at: number, releases: ReleaseStatus[]): void {
    const shape = releases.map(withoutValues);
    if (dequal(shape, this.releaseShape) && at - this.releasesAt < RELEASE_VALUES_EVERY_MS) return;
    this.releaseShape = shape;
    this.releasesAt = at;
    this.releases.add(at, '', releases);
  }

  /**
   * Only real changes, from the link's first opening on: before it the console
   * had nothing from the endpoint, and what it later received of that time
   * (an endpoint's backfill) came over an open link.
   */
  linkState(at: number, endpointId: string, state: LinkState): void {
    const last = this.links.last(endpointId);
    if (last === undefined && state !== 'open') return;
    if (last?.state === state) return;
    this.links.add(at, endpointId, { endpointId, state });
  }

  actionChanged(at: number, record: ActionRecord): void {
    this.actions.add(at, `${record.endpointId}\u0000${record.key}`, record);
  }

  seriesLeft(at: number, key: string): void {
    this.departed.add(at, key, key);
  }

  /** The history of the window from `from`, with the state that stood when it began. */
  since(from: number): SnapshotHistory {
    return {
      recorded: true,
      deployments: this.deployments
        .since(from)
        .map(({ at, value }) => ({ at, deployments: value })),
      releases: this.releases.since(from).map(({ at, value }) => ({ at, releases: value })),
      links: this.links.since(from).map(({ at, value }) => ({ at, ...value })),
      actions: this.actions.since(from).map(({ at, value }) => ({ at, action: value })),
      departed: this.departed
        .since(from)
        .filter(({ at }) => at >= from)
        .map(({ at, value }) => ({ at, key: value })),
    };
  }
}

/** A release without the numbers that move every second. */
function withoutValues(release: ReleaseStatus): unknown {
  return {
    ...release,
    gates: release.gates.map(({ metric, verdict }) => ({ metric, verdict })),
    promote: { allowed: release.promote.allowed, reason: release.promote.reason },
  };
}
