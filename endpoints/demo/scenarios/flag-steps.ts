// flag.set for the demo: turn a feature flag on or off for one ring, or for
// everyone (which also clears the per-ring overrides, as "for everyone" means).
import type { ActionArgs, EnvironmentState, Flag } from '../../../shared/protocol';
import type { DeploymentState } from '../deployment-state';
import { findTarget } from './release-steps';
import { subjectOf } from './saas-services';
import { accept, refuse, type ActionPlan } from './scenario';

type FlagArgs = ActionArgs<'flag.set'>;

/** Whether a flag is on in a ring: its own setting, else the global default. */
export const flagOn = (flag: Flag | undefined, ring: string): boolean =>
  flag?.enabled[ring] ?? flag?.enabled['*'] ?? false;

/** `settle` lets a scenario say what the flip means for the environment (its status). */
export function planFlagSet(
  state: DeploymentState,
  args: FlagArgs,
  settle: (env: EnvironmentState) => EnvironmentState = (env) => env,
): ActionPlan {
  const found = findTarget(state, args);
  if (!found.ok) return found;
  const { env } = found;
  const flag = env.flags?.find((f) => f.id === args.flag);
  if (!flag) {
    const known = (env.flags ?? []).map((f) => f.id).join(', ') || 'none';
    return refuse(`no flag ${args.flag} in ${args.service} ${args.environment} (flags: ${known})`);
  }
  const refusal = ringRefusal(env, args) ?? noChange(flag, args);
  if (refusal) return refusal;
  const word = args.enabled ? 'on' : 'off';
  const scope = args.ring ? `for ${args.ring}` : 'for everyone';
  return accept({
    running: `turning ${args.flag} ${word} ${scope}`,
    finish: (s, now) => ({
      state: 'succeeded',
      message: `${args.flag} turned ${word} ${scope} in ${args.service} ${args.environment}`,
      changes: [
        s.update(args.service, args.environment, (e) =>
          settle({
            ...e,
            flags: (e.flags ?? []).map((f) => (f.id === args.flag ? flipped(f, args) : f)),
            updatedAt: now,
          }),
        ),
      ],
      events: [
        {
          type: 'flag.changed',
          subject: subjectOf(args),
          data: {
            flag: args.flag,
            enabled: args.enabled,
            ...(args.ring ? { ring: args.ring } : {}),
          },
        },
      ],
    }),
  });
}

function ringRefusal(env: EnvironmentState, args: FlagArgs) {
  if (!args.ring || env.rings?.some((r) => r.id === args.ring)) return undefined;
  const rings = (env.rings ?? []).map((r) => r.id).join(', ') || 'none';
  return refuse(`no ring ${args.ring} in ${args.service} ${args.environment} (rings: ${rings})`);
}

/** Refusing a no-op tells the operator their picture of the flag is out of date. */
function noChange(flag: Flag, args: FlagArgs) {
  const word = args.enabled ? 'on' : 'off';
  if (args.ring) {
    return flagOn(flag, args.ring) === args.enabled
      ? refuse(`${flag.id} is already ${word} for ${args.ring}`)
      : undefined;
  }
  const values = Object.values(flag.enabled);
  return values.every((v) => v === args.enabled)
    ? refuse(`${flag.id} is already ${word} for everyone`)
    : undefined;
}

function flipped(flag: Flag, args: FlagArgs): Flag {
  const enabled = args.ring
    ? { ...flag.enabled, [args.ring]: args.enabled }
    : { '*': args.enabled };
  return { ...flag, enabled };
}
