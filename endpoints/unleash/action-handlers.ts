// flag.set, ring.promote and ring.halt carried out through the Unleash Admin
// API. Each is checked against what the bridge last read (a refusal answers
// the submit at once), then runs against a fresh read of the feature, and
// only says succeeded once a read-back from Unleash shows the wanted state.
import type { ActionArgs, ActionSubmitParams } from '../../shared/protocol';
import type { ActionPlan } from './action-desk';
import { releaseOf, versionOf } from './deployments-mapping';
import type { DeploymentsWatch, WatchEvent } from './deployments-watch';
import {
  isHalted,
  planHalt,
  planRings,
  ringsOn,
  wantedRings,
  type Plan,
  type RingMapping,
  type StrategyWrite,
} from './ring-mapping';
import { UnleashError, type UnleashClient, type UnleashFeatureEnvironment } from './unleash-client';

export interface HandlerContext {
  client: UnleashClient;
  watch: DeploymentsWatch;
  releases: Record<string, string>;
  event(event: WatchEvent): void;
}

export const UNLEASH_ACTIONS = [
  { name: 'flag.set', title: 'Turn a feature on or off (for everyone or one ring)' },
  { name: 'ring.promote', title: 'Roll a feature out to the next ring' },
  { name: 'ring.halt', title: 'Halt a feature rollout where it is' },
];

type Target = { project: string; environment: string; mapping: RingMapping };

export function planAction(params: ActionSubmitParams, context: HandlerContext): ActionPlan {
  const { service, environment } = params.args;
  const { view } = context.watch.current;
  const project = view?.projects.find((p) => p.project.id === service);
  if (!project) return { refused: `no Unleash project ${service} on this bridge` };
  if (!view?.environments.some((env) => env.enabled && env.name === environment)) {
    return { refused: `no enabled Unleash environment ${environment}` };
  }
  const target = { project: service, environment, mapping: context.watch.mapping };
  switch (params.action) {
    case 'flag.set':
      if (!project.features.some((f) => f.name === params.args.flag)) {
        return { refused: `no feature ${params.args.flag} in Unleash project ${service}` };
      }
      return planFlagSet(params.args, target, context);
    case 'ring.promote':
    case 'ring.halt': {
      const pinned = context.releases[service];
      const release = releaseOf(environment, project.features, target.mapping, pinned);
      if (!release) {
        return {
          refused: `no feature is rolling out in ${service} ${environment}: turn one on for the first ring (flag.set) to start`,
        };
      }
      const version = params.args.version;
      if (version !== undefined && version !== versionOf(release.name)) {
        return {
          refused: `${service} ${environment} is rolling out ${release.name}, not ${version}`,
        };
      }
      return params.action === 'ring.promote'
        ? planPromote(release.name, params.args.toRing, target, context)
        : planHaltAction(release.name, target, context);
    }
    default:
      return { refused: `the Unleash bridge does not carry out ${params.action}` };
  }
}

function planFlagSet(
  args: ActionArgs<'flag.set'>,
  target: Target,
  context: HandlerContext,
): ActionPlan {
  const { mapping } = target;
  const ringIndex =
    args.ring === undefined ? -1 : mapping.rings.findIndex((r) => r.id === args.ring);
  if (args.ring !== undefined && ringIndex < 0)
    return {
      refused: `no ring ${args.ring} (rings: ${mapping.rings.map((r) => r.id).join(', ')})`,
    };
  const who = args.ring ?? 'everyone';
  const word = args.enabled ? 'on' : 'off';
  return {
    running: `turning ${args.flag} ${word} for ${who} in Unleash (${target.environment})`,
    run: async () => {
      const env = await readFeature(context, target, args.flag);
      let wanted: boolean[] | undefined;
      let plan: Plan;
      if (args.ring === undefined && !args.enabled) {
        plan = { writes: env.enabled ? [{ kind: 'environment', on: false }] : [] };
      } else {
        const current = ringsOn(env, mapping);
        wanted =
          args.ring === undefined
            ? current.map(() => true)
            : wantedRings(current, mapping, ringIndex, args.enabled);
        plan = planRings(env, args.flag, wanted, mapping);
      }
      const after = await carryOut(plan, args.flag, target, context);
      const got =
        wanted === undefined ? !after.enabled : sameRings(ringsOn(after, mapping), wanted);
      if (!got) throw raced(args.flag, after, target);
      return `${args.flag} is ${word} for ${who} in ${target.project} ${target.environment}; Unleash now: ${describe(after, mapping)}`;
    },
  };
}

function planPromote(
  feature: string,
  toRing: string | undefined,
  target: Target,
  context: HandlerContext,
): ActionPlan {
  const { mapping } = target;
  const rings = mapping.rings;
  const env = context.watch.current.view?.projects
    .find((p) => p.project.id === target.project)
    ?.features.find((f) => f.name === feature)
    ?.environments.find((e) => e.name === target.environment);
  const reached = env ? ringsOn(env, mapping).lastIndexOf(true) : -1;
  if (env && isHalted(env, mapping)) {
    return {
      refused: `${feature} is halted in ${rings[reached]?.id ?? 'its first ring'}: turn it on or off for a ring (flag.set) to resume`,
    };
  }
  const to = toRing === undefined ? reached + 1 : rings.findIndex((r) => r.id === toRing);
  if (toRing !== undefined && to < 0) return { refused: `no ring ${toRing}` };
  if (to >= rings.length) return { refused: `${feature} already runs in every ring` };
  if (to <= reached) return { refused: `${feature} already runs in ${rings[to]?.id}` };
  const ring = rings[to] as (typeof rings)[number];
  return {
    running: `promoting ${feature} to ${ring.id} (${Math.round(ring.share * 100)}% of users) in ${target.environment}`,
    run: async () => {
      const fresh = await readFeature(context, target, feature);
      if (isHalted(fresh, mapping))
        throw new Error(`${feature} was halted in Unleash meanwhile; not promoted`);
      const wanted = ringsOn(fresh, mapping).map((on, index) => on || index <= to);
      const after = await carryOut(
        planRings(fresh, feature, wanted, mapping),
        feature,
        target,
        context,
      );
      if (!sameRings(ringsOn(after, mapping), wanted)) throw raced(feature, after, target);
      context.event({
        type: 'ring.promoted',
        subject: `${target.project}/${target.environment}`,
        data: { version: versionOf(feature), toRing: ring.id },
      });
      return `${feature} promoted to ${ring.id} in ${target.project} ${target.environment}; Unleash now: ${describe(after, mapping)}`;
    },
  };
}

function planHaltAction(feature: string, target: Target, context: HandlerContext): ActionPlan {
  const { mapping } = target;
  return {
    running: `halting the rollout of ${feature} in ${target.environment}`,
    run: async () => {
      const fresh = await readFeature(context, target, feature);
      const on = ringsOn(fresh, mapping);
      const ring = mapping.rings[on.lastIndexOf(true)];
      if (!ring || !on.includes(false))
        throw new Error(
          `${feature} is not partway through its rings in ${target.environment}: nothing to halt`,
        );
      if (isHalted(fresh, mapping)) throw new Error(`${feature} is already halted in ${ring.id}`);
      const after = await carryOut(planHalt(fresh, feature, mapping), feature, target, context);
      if (!isHalted(after, mapping)) throw raced(feature, after, target);
      context.event({
        type: 'ring.halted',
        subject: `${target.project}/${target.environment}`,
        data: { version: versionOf(feature), ring: ring.id },
      });
      return `${feature} halted in ${ring.id} (${Math.round(ring.share * 100)}% of users) in ${target.project} ${target.environment}`;
    },
  };
}

async function readFeature(
  context: HandlerContext,
  target: Target,
  feature: string,
): Promise<UnleashFeatureEnvironment> {
  const gone = (why: string) => `${feature} is gone from Unleash (deleted or archived): ${why}`;
  let found;
  try {
    found = await context.client.feature(target.project, feature);
  } catch (err) {
    if (err instanceof UnleashError && err.kind === 'missing') {
      throw new Error(gone(err.message), { cause: err });
    }
    throw err;
  }
  if (found.archived) throw new Error(gone(`Unleash has ${feature} in its archive`));
  const env = found.environments.find((e) => e.name === target.environment);
  if (!env) throw new Error(`${feature} has no environment ${target.environment} in Unleash`);
  return env;
}

/** Writes the plan in order, lets the console see the result, and reads the feature back. */
async function carryOut(plan: Plan, feature: string, target: Target, context: HandlerContext) {
  if ('refused' in plan) throw new Error(plan.refused);
  for (const write of plan.writes) await apply(write, feature, target, context.client);
  await context.watch.refresh();
  return readFeature(context, target, feature);
}

function apply(write: StrategyWrite, feature: string, target: Target, client: UnleashClient) {
  const { project, environment } = target;
  switch (write.kind) {
    case 'environment':
      return client.setEnvironment(project, feature, environment, write.on);
    case 'add':
      return client.addStrategy(project, feature, environment, write.strategy);
    case 'update':
      return client.updateStrategy(project, feature, environment, write.id, write.strategy);
    case 'delete':
      return client.deleteStrategy(project, feature, environment, write.id);
  }
}

const sameRings = (a: boolean[], b: boolean[]) =>
  a.length === b.length && a.every((on, i) => on === b[i]);

function raced(feature: string, after: UnleashFeatureEnvironment, target: Target): Error {
  return new Error(
    `Unleash shows ${feature} ${describe(after, target.mapping)} in ${target.environment} after the change, not what was asked: it was changed in Unleash at the same time`,
  );
}

/** "on for canary, early; off for half, all" or "off in this environment". */
export function describe(env: UnleashFeatureEnvironment, mapping: RingMapping): string {
  if (!env.enabled) return 'off in this environment';
  const on = ringsOn(env, mapping);
  const ids = (want: boolean) => mapping.rings.filter((_, i) => on[i] === want).map((r) => r.id);
  if (!on.includes(false)) return 'on for everyone';
  if (!on.includes(true)) return 'on, but for no ring';
  return `on for ${ids(true).join(', ')}; off for ${ids(false).join(', ')}`;
}
