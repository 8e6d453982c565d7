// The deployment changes a snapshot's history records, in words a reviewer
// looks for: a version deployed or rolled back in an environment, a release
// promoted into a ring or a ring sent back, a status change. Shared by the
// review's "Jump to" list and the report's deployment timeline.
import type { EndpointDeployments } from '../api/console-state';
import type { SnapshotHistory } from '../api/snapshot';
import type { EnvironmentState } from '../protocol';

export type DeployChangeKind = 'deployed' | 'rolled back' | 'promoted' | 'ring changed' | 'status';

export interface DeployChange {
  at: number;
  kind: DeployChangeKind;
  endpointId: string;
  service: string;
  environment: string;
  /** One sentence: "Billing production: 2.14.0 → 2.13.2 (rolled back)". */
  text: string;
}

type Envs = Map<string, { serviceName: string; env: EnvironmentState }>;

function environments(deployments: EndpointDeployments): Envs {
  const out: Envs = new Map();
  for (const service of deployments.services) {
    for (const env of service.environments) {
      out.set(`${service.id}\u0000${env.id}`, { serviceName: service.name, env });
    }
  }
  return out;
}

/** Every change between consecutive recorded states of each endpoint, oldest first. */
export function deployChanges(history: SnapshotHistory): DeployChange[] {
  const sorted = history.deployments
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index);
  const last = new Map<string, Envs>();
  const changes: DeployChange[] = [];
  for (const { entry } of sorted) {
    const { endpointId } = entry.deployments;
    const now = environments(entry.deployments);
    const before = last.get(endpointId);
    last.set(endpointId, now);
    if (!before) continue;
    for (const [key, { serviceName, env }] of now) {
      const previous = before.get(key)?.env;
      if (!previous) continue;
      const where = {
        at: entry.at,
        endpointId,
        service: key.split('\u0000')[0] ?? '',
        environment: env.id,
      };
      const name = `${serviceName} ${env.id}`;
      changes.push(...envChanges(where, name, previous, env));
    }
  }
  return changes;
}

function envChanges(
  where: Omit<DeployChange, 'kind' | 'text'>,
  name: string,
  before: EnvironmentState,
  after: EnvironmentState,
): DeployChange[] {
  const out: DeployChange[] = [];
  if (before.version !== after.version) {
    const back = before.previousVersions.includes(after.version);
    const kind = back ? 'rolled back' : 'deployed';
    out.push({ ...where, kind, text: `${name}: ${before.version} → ${after.version} (${kind})` });
  }
  const rings = new Map((before.rings ?? []).map((ring) => [ring.id, ring]));
  for (const ring of after.rings ?? []) {
    const was = rings.get(ring.id);
    if (!was || (was.version === ring.version && was.status === ring.status)) continue;
    const promoted = was.version !== ring.version && !after.previousVersions.includes(ring.version);
    const kind = promoted ? 'promoted' : 'ring changed';
    const what =
      was.version !== ring.version
        ? `${was.version} → ${ring.version}`
        : `${ring.version} ${ring.status ?? 'active'}`;
    out.push({ ...where, kind, text: `${name}, ring ${ring.name}: ${what} (${kind})` });
  }
  if (before.status !== after.status && before.version === after.version) {
    out.push({
      ...where,
      kind: 'status',
      text: `${name} ${after.version}: ${before.status} → ${after.status}`,
    });
  }
  return out;
}
