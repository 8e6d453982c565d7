// Picks the action the kit submits with --allow-actions: one the endpoint
// announces, aimed at its own deployments, least disruptive first (a flag set
// to the value it already has, then a build re-run, ...).
import type { ActionCall, ActionName, EnvironmentState, ServiceState } from '../../shared/protocol';

export interface Aim {
  call: ActionCall;
  /** What it will do, in words, printed with the result. */
  effect: string;
}

type Target = { service: string; environment: string };
type Aimer = (env: EnvironmentState, target: Target) => Aim | undefined;

const AIMERS: [ActionName, Aimer][] = [
  [
    'flag.set',
    (env, target) => {
      const flag = env.flags?.find((f) => typeof f.enabled['*'] === 'boolean');
      if (!flag) return undefined;
      const enabled = flag.enabled['*'] as boolean;
      return {
        call: { action: 'flag.set', args: { ...target, flag: flag.id, enabled } },
        effect: `sets flag ${flag.id} of ${where(target)} to the value it has (${String(enabled)})`,
      };
    },
  ],
  [
    'build.retry',
    (env, target) =>
      env.build
        ? {
            call: { action: 'build.retry', args: target },
            effect: `re-runs the latest build of ${where(target)}`,
          }
        : undefined,
  ],
  [
    'ring.halt',
    (env, target) =>
      env.rings?.some((r) => r.status === 'active')
        ? {
            call: { action: 'ring.halt', args: target },
            effect: `halts the active ring of ${where(target)}`,
          }
        : undefined,
  ],
  [
    'deploy.rollback',
    (env, target) => {
      const toVersion = env.previousVersions[0];
      if (!toVersion) return undefined;
      return {
        call: { action: 'deploy.rollback', args: { ...target, toVersion } },
        effect: `rolls ${where(target)} back to ${toVersion}`,
      };
    },
  ],
  [
    'ring.promote',
    (env, target) =>
      env.rings?.length
        ? {
            call: { action: 'ring.promote', args: target },
            effect: `promotes the release of ${where(target)}`,
          }
        : undefined,
  ],
  [
    'capacity.scale',
    (env, target) =>
      env.capacity?.servers !== undefined
        ? {
            call: { action: 'capacity.scale', args: { ...target, resource: 'servers', change: 1 } },
            effect: `adds a server to ${where(target)}`,
          }
        : undefined,
  ],
  [
    'patch.apply',
    (env, target) => ({
      call: { action: 'patch.apply', args: { ...target, version: env.version } },
      effect: `applies ${env.version} (the version running) to ${where(target)}`,
    }),
  ],
];

export function aimAction(announced: ActionName[], services: ServiceState[]): Aim | undefined {
  for (const [name, aim] of AIMERS) {
    if (!announced.includes(name)) continue;
    for (const service of services) {
      for (const env of service.environments) {
        const found = aim(env, { service: service.id, environment: env.id });
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** The same action with a target no endpoint has: a different payload for the same key. */
export function otherPayload(call: ActionCall): ActionCall {
  return {
    ...call,
    args: { ...call.args, service: 'conformance-kit-no-such-service' },
  } as ActionCall;
}

const where = (target: Target) => `${target.service}/${target.environment}`;
