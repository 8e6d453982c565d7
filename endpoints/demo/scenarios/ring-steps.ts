// ring.promote and ring.halt, and what a rollback or a patch does to the
// rings: the rollout's moves. Promotion is refused when the release is
// halted, already everywhere, or has not soaked its ring's minimum time.
import type { ActionArgs, EnvironmentState, Ring } from '../../../shared/protocol';
import type { DeploymentState } from '../deployment-state';
import { findTarget, type Target } from './release-steps';
import {
  healthOf,
  rolloutOf,
  withStatuses,
  withoutStatus,
  type Rollout,
} from './ring-rollout-state';
import { subjectOf } from './saas-services';
import { accept, refuse, type ActionPlan, type DemoEvent, type Refusal } from './scenario';

type InProgress = Rollout & { release: string; current: Ring };

/** The rollout an action is about, or why there is none to act on. */
function activeRollout(
  state: DeploymentState,
  args: Target & { version?: string },
): { ok: true; env: EnvironmentState; rollout: InProgress } | Refusal {
  const found = findTarget(state, args);
  if (!found.ok) return found;
  const { env } = found;
  const rollout = rolloutOf(env);
  const where = `${args.service} ${args.environment}`;
  if (!rollout.release || !rollout.current) {
    return refuse(`${where} already runs ${env.version} in every ring: no release to move`);
  }
  if (args.version && args.version !== rollout.release) {
    return refuse(`${where} is rolling out ${rollout.release}, not ${args.version}`);
  }
  return { ok: true, env, rollout: rollout as InProgress };
}

function promotionTarget(env: EnvironmentState, rollout: InProgress, toRing?: string) {
  const rings = env.rings ?? [];
  const at = rings.indexOf(rollout.current);
  if (!toRing) return rollout.next ? { ok: true as const, ring: rollout.next } : undefined;
  const index = rings.findIndex((r) => r.id === toRing);
  if (index < 0) return refuse(`no ring ${toRing} (rings: ${rings.map((r) => r.id).join(', ')})`);
  if (index <= at) return refuse(`${rollout.release} already runs in ${toRing}`);
  return { ok: true as const, ring: rings[index] as Ring };
}

export function planPromote(
  state: DeploymentState,
  args: ActionArgs<'ring.promote'>,
  now: number,
): ActionPlan {
  const active = activeRollout(state, args);
  if (!active.ok) return active;
  const { env, rollout } = active;
  const refusal = holdRefusal(rollout, now);
  if (refusal) return refusal;
  const target = promotionTarget(env, rollout, args.toRing);
  if (!target) return refuse(`${rollout.release} already runs in every ring`);
  if (!target.ok) return target;
  const to = target.ring;
  return accept({
    running: `promoting ${rollout.release} from ${rollout.current.id} to ${to.id}`,
    finish: (s, at) => {
      const rings = env.rings ?? [];
      const upTo = rings.indexOf(to);
      const change = s.update(args.service, args.environment, (e) =>
        settled(e, promoted(e.rings ?? [], rollout.release, upTo, at), at),
      );
      return {
        state: 'succeeded',
        message: `${rollout.release} promoted to ${to.id}: ${Math.round(to.share * 100)}% of users run it now`,
        changes: [change],
        events: promotionEvents(subjectOf(args), rollout, to, upTo === rings.length - 1),
      };
    },
  });
}

/** A halted release stays put; a fresh one soaks its ring's minimum time first. */
function holdRefusal({ release, current }: InProgress, now: number): Refusal | undefined {
  if (current.status === 'halted') {
    return refuse(`${release} is halted in ${current.id}: roll back, or patch to resume`);
  }
  const soaked = now - (current.since ?? 0);
  if (current.minSoakMs === undefined || soaked >= current.minSoakMs) return undefined;
  return refuse(
    `${release} has soaked in ${current.id} for ${(soaked / 1000).toFixed(1)} s of the ${current.minSoakMs / 1000} s it needs`,
  );
}

/** Reaching the last ring finishes the deployment: everyone runs the release. */
function promotionEvents(subject: string, rollout: InProgress, to: Ring, last: boolean) {
  const events: DemoEvent[] = [
    { type: 'ring.promoted', subject, data: { version: rollout.release, toRing: to.id } },
  ];
  if (last) {
    const data = { from: rollout.baseline, to: rollout.release };
    events.push({ type: 'deploy.finished', subject, data });
  }
  return events;
}

export function planHalt(state: DeploymentState, args: ActionArgs<'ring.halt'>): ActionPlan {
  const active = activeRollout(state, args);
  if (!active.ok) return active;
  const { release, current } = active.rollout;
  if (current.status === 'halted') return refuse(`${release} is already halted in ${current.id}`);
  return accept({
    running: `halting ${release} in ${current.id}`,
    finish: (s, now) => ({
      state: 'succeeded',
      message: `${release} halted in ${current.id}: it goes no further until rolled back or patched`,
      changes: [
        s.update(args.service, args.environment, (e) =>
          settled(e, withStatuses(e.rings ?? [], release, true), now),
        ),
      ],
      events: [
        {
          type: 'ring.halted',
          subject: subjectOf(args),
          data: { version: release, ring: current.id },
        },
      ],
    }),
  });
}

/** A rollback puts every ring back on the restored version: no release is moving any more. */
export function ringsRolledBack(env: EnvironmentState, to: string, now: number): EnvironmentState {
  if (!env.rings) return env;
  const rings = env.rings.map((ring) => ({ ...withoutStatus(ring), version: to, since: now }));
  return settled(env, rings, now);
}

/**
 * A patch replaces the release where it runs and moves on from there (un-halting it);
 * with no release moving, it starts in the first ring. `allRings`: every ring at once.
 */
export function ringsPatched(
  env: EnvironmentState,
  version: string,
  now: number,
  allRings = false,
): EnvironmentState {
  if (!env.rings) return env;
  if (allRings) {
    const everywhere = env.rings.map((r) => ({ ...withoutStatus(r), version, since: now }));
    return settled(env, everywhere, now);
  }
  const rings = env.rings;
  const before = env.previousVersions[0];
  const baseline = rings.at(-1)?.version;
  const moving = before !== undefined && before !== baseline;
  const patched = rings.map((r, i) =>
    (moving ? r.version === before : i === 0) ? { ...r, version, since: now } : r,
  );
  return settled(env, withStatuses(patched, version), now);
}

function promoted(rings: Ring[], release: string, upTo: number, now: number): Ring[] {
  const moved = rings.map((r, i) =>
    i <= upTo && r.version !== release ? { ...r, version: release, since: now } : r,
  );
  return withStatuses(moved, release);
}

function settled(env: EnvironmentState, rings: Ring[], now: number): EnvironmentState {
  const next = { ...env, rings, updatedAt: now };
  return { ...next, status: healthOf(next, now) };
}
