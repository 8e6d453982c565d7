// The version moves most scenarios share: finding an action's target,
// rolling an environment back to an earlier version, and deploying a patch.
// Scenarios pass in what the move means for them (the ring rollout resets
// its rings; the failing build also builds the patch).
import type { EnvironmentState } from '../../../shared/protocol';
import type { DeploymentState } from '../deployment-state';
import {
  accept,
  refuse,
  type ActionPlan,
  type DemoEvent,
  type Effect,
  type Refusal,
} from './scenario';
import { subjectOf } from './saas-services';

/** The protocol keeps at most 50 earlier versions per environment. */
const MAX_PREVIOUS = 50;

export interface Target {
  service: string;
  environment: string;
}

/** The environment an action names, or why there is none. */
export function findTarget(
  state: DeploymentState,
  target: Target,
): { ok: true; env: EnvironmentState } | Refusal {
  const env = state.environment(target.service, target.environment);
  return env ? { ok: true, env } : refuse(`no ${target.environment} of ${target.service}`);
}

/** Which version a rollback restores: the previous one unless told otherwise. */
export function rollbackTarget(
  env: EnvironmentState,
  target: Target & { toVersion?: string },
  fallback = env.previousVersions[0],
): { ok: true; from: string; to: string } | Refusal {
  const to = target.toVersion ?? fallback;
  if (!to) return refuse(`${target.service} has no earlier version to restore`);
  if (to === env.version) return refuse(`${target.service} already runs ${to}`);
  if (!env.previousVersions.includes(to)) {
    return refuse(`version ${to} was never deployed to ${target.environment}`);
  }
  return { ok: true, from: env.version, to };
}

/** Versions older than `to`: a rollback drops the ones in between. */
export const olderThan = (env: EnvironmentState, to: string): string[] =>
  env.previousVersions.slice(env.previousVersions.indexOf(to) + 1);

export interface RollbackOptions {
  /** What else a rollback resets in this scenario (rings, for one); may also set the status. */
  settle?: (env: EnvironmentState, to: string, now: number) => EnvironmentState;
}

export function planRollback(
  state: DeploymentState,
  target: Target & { toVersion?: string },
  fallback?: string,
  options: RollbackOptions = {},
): ActionPlan {
  const found = findTarget(state, target);
  if (!found.ok) return found;
  const check = rollbackTarget(found.env, target, fallback ?? found.env.previousVersions[0]);
  if (!check.ok) return check;
  const { from, to } = check;
  const subject = subjectOf(target);
  return accept({
    running: `rolling back ${from} → ${to}`,
    start: (s, now) => ({
      changes: [
        s.update(target.service, target.environment, (e) => moving(e, 'rolling-back', now)),
      ],
      events: [{ type: 'deploy.started', subject, data: { from, to, reason: 'rollback' } }],
    }),
    finish: (s, now) => {
      const change = s.update(target.service, target.environment, (e) => {
        const back: EnvironmentState = {
          ...e,
          version: to,
          previousVersions: olderThan(e, to),
          status: 'healthy',
          updatedAt: now,
        };
        return options.settle ? options.settle(back, to, now) : back;
      });
      return {
        state: 'succeeded',
        message: `${target.service} ${target.environment} rolled back ${from} → ${to}`,
        changes: [change],
        events: [{ type: 'deploy.rolledback', subject, data: { from, to } }],
      };
    },
  });
}

/** Why a patch version cannot be deployed, if it cannot. */
export function patchRefusal(env: EnvironmentState, target: Target, version: string) {
  if (version === env.version) return refuse(`${target.service} already runs ${version}`);
  if (env.previousVersions.includes(version)) {
    return refuse(
      `version ${version} was deployed to ${target.environment} before: a patch must be new (roll back to restore an old version)`,
    );
  }
  return undefined;
}

export interface PatchOptions {
  /** What else deploying the patch changes (its build, the rings it reaches); may set the status. */
  settle?: (
    env: EnvironmentState,
    version: string,
    now: number,
    allRings?: boolean,
  ) => EnvironmentState;
  /** Extra events when it lands, before patch.applied. */
  events?: (subject: string, version: string) => DemoEvent[];
}

export function planPatch(
  state: DeploymentState,
  target: Target & { version: string; allRings?: boolean },
  options: PatchOptions = {},
): ActionPlan {
  const found = findTarget(state, target);
  if (!found.ok) return found;
  const { version } = target;
  const refusal = patchRefusal(found.env, target, version);
  if (refusal) return refusal;
  const from = found.env.version;
  const subject = subjectOf(target);
  return accept({
    running: `deploying patch ${from} → ${version}`,
    start: (s, now): Effect => ({
      changes: [s.update(target.service, target.environment, (e) => moving(e, 'deploying', now))],
      events: [{ type: 'deploy.started', subject, data: { from, to: version, reason: 'patch' } }],
    }),
    finish: (s, now) => {
      const change = s.update(target.service, target.environment, (e) => {
        const previousVersions = [e.version, ...e.previousVersions].slice(0, MAX_PREVIOUS);
        const patched: EnvironmentState = {
          ...e,
          version,
          previousVersions,
          status: 'healthy',
          updatedAt: now,
        };
        return options.settle ? options.settle(patched, version, now, target.allRings) : patched;
      });
      return {
        state: 'succeeded',
        message: `${target.service} ${target.environment} patched ${from} → ${version}`,
        changes: [change],
        events: [
          ...(options.events?.(subject, version) ?? []),
          { type: 'patch.applied', subject, data: { version } },
          { type: 'deploy.finished', subject, data: { from, to: version } },
        ],
      };
    },
  });
}

function moving(
  env: EnvironmentState,
  status: 'rolling-back' | 'deploying',
  now: number,
): EnvironmentState {
  return { ...env, status, updatedAt: now };
}
