// capacity.scale for the demo: servers, cores and storage of the web app in
// production, within a quota. Like a cloud provider, the quota is checked
// when the servers are provisioned: an order beyond it is accepted, then fails.
import type { ActionArgs, EnvironmentState } from '../../../shared/protocol';
import type { DeploymentState } from '../deployment-state';
import { findTarget } from './release-steps';
import { WEB, subjectOf } from './saas-services';
import { accept, refuse, type ActionPlan, type Outcome } from './scenario';

type ScaleArgs = ActionArgs<'capacity.scale'>;
type Resource = ScaleArgs['resource'];
type Capacity = NonNullable<EnvironmentState['capacity']>;

/** Every server brings this many cores. */
export const CORES_PER_SERVER = 4;
export const QUOTA: Record<Resource, number> = { servers: 32, cpu: 256, storageGb: 4_000 };
/** Data already stored: storage cannot shrink below it. */
const STORAGE_USED_GB = 320;
const FLOOR: Record<Resource, number> = { servers: 1, cpu: 1, storageGb: STORAGE_USED_GB };
const NAMES: Record<Resource, [one: string, many: string]> = {
  servers: ['server', 'servers'],
  cpu: ['CPU core', 'CPU cores'],
  storageGb: ['GB of storage', 'GB of storage'],
};
/** `1 server`, `8 servers`. */
const count = (n: number, resource: Resource): string =>
  `${n} ${NAMES[resource][Math.abs(n) === 1 ? 0 : 1]}`;

export function planCapacityScale(state: DeploymentState, args: ScaleArgs): ActionPlan {
  if (args.service !== WEB.id) {
    return refuse(`${args.service} runs on a managed platform: only web's capacity scales here`);
  }
  const found = findTarget(state, args);
  if (!found.ok) return found;
  const capacity = found.env.capacity;
  if (!capacity) return refuse(`${args.service} ${args.environment} has no capacity to scale`);
  const { resource, change } = args;
  const before = capacity[resource] ?? 0;
  const after = before + change;
  if (after < FLOOR[resource]) {
    return refuse(
      `${args.service} ${args.environment} cannot go from ${before} to ${count(after, resource)}: at least ${count(FLOOR[resource], resource)} must stay`,
    );
  }
  const verb = change > 0 ? 'adding' : 'removing';
  return accept({
    running: `${verb} ${count(Math.abs(change), resource)} (${before} → ${after})`,
    finish: (s, now) => finishScale(s, args, before, after, now),
  });
}

function finishScale(
  state: DeploymentState,
  args: ScaleArgs,
  before: number,
  after: number,
  now: number,
): Outcome {
  const { resource, change } = args;
  if (after > QUOTA[resource]) {
    return {
      state: 'failed',
      message: `${args.environment}'s quota allows ${count(QUOTA[resource], resource)}; ${before} ${change > 0 ? '+' : ''}${change} would be ${after}: nothing changed`,
      changes: [],
      events: [],
    };
  }
  const resize = state.update(args.service, args.environment, (env) => ({
    ...env,
    capacity: resized(env.capacity ?? {}, resource, change),
    updatedAt: now,
  }));
  const sign = change > 0 ? '+' : '';
  return {
    state: 'succeeded',
    message: `${args.service} ${args.environment} scaled ${NAMES[resource][1]} ${before} → ${after} (${sign}${change})`,
    changes: [resize],
    events: [
      {
        type: 'capacity.scaled',
        subject: subjectOf(args),
        data: { resource, change, total: after },
      },
    ],
  };
}

/** Servers come with their cores, so adding servers also adds compute. */
function resized(capacity: Capacity, resource: Resource, change: number): Capacity {
  const next = { ...capacity, [resource]: (capacity[resource] ?? 0) + change };
  if (resource === 'servers') next.cpu = (capacity.cpu ?? 0) + change * CORES_PER_SERVER;
  return next;
}
