// What an action will do, worked out before it runs: its target, the
// environment, the state it moves from and to, and who it reaches (which ring,
// what share of users), and whether it widens or narrows exposure: the shared
// risk policy then says whether one confirm will do or the name must be typed.
import type {
  ActionArgs,
  ActionCall,
  EnvironmentState,
  ServiceState,
} from '../../../../shared/protocol';
import {
  assessRisk,
  isProductionEnvironment,
  type Direction,
  type RiskDecision,
} from '../../../../shared/rules/action-risk';
import {
  flagOnIn,
  isEveryone,
  percent,
  ringWords,
  rolloutOf,
  type Rollout,
} from '../../../../shared/rules/ring-rollout';

export interface ActionPreview {
  /** One sentence: "Roll back Billing API in production: 2.14.0 → 2.13.2". */
  summary: string;
  from: string;
  to: string;
  /** Which ring and what share of users, in words. */
  affects: string;
  affectsAll: boolean;
  production: boolean;
  direction: Direction;
  /** One confirm or typed, and why (the shared risk policy). */
  risk: RiskDecision;
  /** Why the arguments cannot run as they are; confirm stays disabled while any. */
  problems: string[];
}

type Shape = Omit<ActionPreview, 'summary' | 'production' | 'risk'> & { verb: string };

/** Why the operator must type the service's name (the shared policy), or nothing when a click will do. */
export const typedNameReasons = (preview: ActionPreview): string[] => preview.risk.reasons;

export function previewAction(
  call: ActionCall,
  service: ServiceState,
  env: EnvironmentState,
): ActionPreview {
  const shape = shapeOf(call, env);
  const where = `${service.name} in ${env.id}`;
  const production = isProductionEnvironment(env);
  const risk = assessRisk({
    action: call.action,
    production,
    direction: shape.direction,
    reachesEveryone: shape.affectsAll,
  });
  return {
    summary: `${shape.verb} ${where}: ${shape.from} → ${shape.to}`,
    from: shape.from,
    to: shape.to,
    affects: shape.affects,
    affectsAll: shape.affectsAll,
    production,
    direction: shape.direction,
    risk,
    problems: shape.problems,
  };
}

function shapeOf(call: ActionCall, env: EnvironmentState): Shape {
  switch (call.action) {
    case 'build.retry':
      return retryShape(call.args, env);
    case 'flag.set':
      return flagShape(call.args, env);
    case 'patch.apply':
      return patchShape(call.args, env);
    case 'deploy.rollback':
      return rollbackShape(call.args, env);
    case 'capacity.scale':
      return scaleShape(call.args, env);
    case 'ring.promote':
      return promoteShape(call.args, env);
    case 'ring.halt':
      return haltShape(call.args, env);
  }
}

const EVERY_USER = 'every user (100%)';

/** Who a version change reaches: every ring (the last is everyone), or all of an environment without rings. */
function versionReach(env: EnvironmentState, rollout: Rollout, to: string): string {
  const rings = env.rings ?? [];
  if (rings.length === 0) return `${EVERY_USER} of ${env.id}`;
  const moving = rollout.current
    ? `; now on ${rollout.release}: ${rollout.reached.map((r) => r.id).join(', ')} (${percent(rollout.current.share)} of users)`
    : '';
  return `every ring ends on ${to}: ${EVERY_USER}${moving}`;
}

/** Rollbacks and patches reach everyone when the last ring is everyone, or there are no rings. */
const versionAffectsAll = (env: EnvironmentState): boolean => {
  const rings = env.rings ?? [];
  return rings.length === 0 || isEveryone(rings.at(-1), rings);
};

function retryShape(args: ActionArgs<'build.retry'>, env: EnvironmentState): Shape {
  const build = env.build;
  const problems: string[] = [];
  if (!build) problems.push(`${env.id} has no build to retry`);
  else if (build.status !== 'failed')
    problems.push(`build ${build.id} ${build.status}: nothing to retry`);
  else if (args.build && args.build !== build.id)
    problems.push(`${build.id} is the latest build, not ${args.build}`);
  const failing = build?.failingTests.length ?? 0;
  const of = build?.version ? ` of ${build.version}` : '';
  return {
    verb: 'Retry the build of',
    from: build
      ? `build ${build.id}${of} ${build.status}${failing ? `, ${failing} failing tests` : ''}`
      : 'no build',
    to: `a new run${of}`,
    affects: 'no users: it re-runs CI only',
    affectsAll: false,
    direction: 'narrow',
    problems,
  };
}

function flagShape(args: ActionArgs<'flag.set'>, env: EnvironmentState): Shape {
  const flag = env.flags?.find((candidate) => candidate.id === args.flag);
  const rings = env.rings ?? [];
  const word = (on: boolean) => (on ? 'on' : 'off');
  const problems: string[] = [];
  if (!flag) problems.push(`no flag ${args.flag} in ${env.id}`);
  const name = flag?.name ? `${flag.name} (${args.flag})` : args.flag;
  if (args.ring !== undefined) {
    const ring = rings.find((candidate) => candidate.id === args.ring);
    if (!ring) problems.push(`no ring ${args.ring} in ${env.id}`);
    const before = flag ? flagOnIn(flag.enabled, args.ring) : false;
    if (flag && before === args.enabled)
      problems.push(`${args.flag} is already ${word(before)} for ${args.ring}`);
    return {
      verb: `Turn ${name} ${word(args.enabled)} for ${args.ring} of`,
      from: `${word(before)} for ${args.ring}`,
      to: `${word(args.enabled)} for ${args.ring}`,
      affects: ring ? ringWords(ring) : `ring ${args.ring}`,
      affectsAll: isEveryone(ring, rings),
      direction: args.enabled ? 'widen' : 'narrow',
      problems,
    };
  }
  const before = flag ? flagScope(flag.enabled) : 'unknown';
  if (flag && Object.values(flag.enabled).every((on) => on === args.enabled)) {
    problems.push(`${args.flag} is already ${word(args.enabled)} for everyone`);
  }
  return {
    verb: `Turn ${name} ${word(args.enabled)} for everyone in`,
    from: before,
    to: `${word(args.enabled)} for everyone (per-ring settings cleared)`,
    affects: EVERY_USER,
    affectsAll: true,
    direction: args.enabled ? 'widen' : 'narrow',
    problems,
  };
}

/** "on for beta; off for everyone else". */
export function flagScope(enabled: Record<string, boolean>): string {
  const global = enabled['*'] ?? false;
  const overrides = Object.entries(enabled).filter(([ring]) => ring !== '*');
  const word = (on: boolean) => (on ? 'on' : 'off');
  if (overrides.length === 0) return `${word(global)} for everyone`;
  const parts = overrides.map(([ring, on]) => `${word(on)} for ${ring}`);
  return `${parts.join(', ')}; ${word(global)} for everyone else`;
}

function patchShape(args: ActionArgs<'patch.apply'>, env: EnvironmentState): Shape {
  const version = args.version.trim();
  const problems: string[] = [];
  if (!version) problems.push('Type the patch version');
  else if (version === env.version) problems.push(`${env.id} already runs ${version}`);
  else if (env.previousVersions.includes(version)) {
    problems.push(`${version} ran here before: a patch must be new (roll back to restore it)`);
  }
  const reach = args.allRings ? allRingsReach(env) : patchReach(env);
  return { verb: 'Patch', from: env.version, to: version || '?', ...reach, problems };
}

type Reach = Pick<Shape, 'affects' | 'affectsAll' | 'direction'>;

/** "All rings now": the operator's explicit choice to skip the rings; it reaches everyone. */
function allRingsReach(env: EnvironmentState): Reach {
  const rings = env.rings ?? [];
  if (rings.length === 0) return patchReach(env);
  return {
    affects: `every ring at once (${rings.map((r) => r.id).join(', ')}): ${EVERY_USER}`,
    affectsAll: true,
    direction: 'widen',
  };
}

/** A patch goes ring by ring: where a release moves, its rings first; else the first ring only. */
function patchReach(env: EnvironmentState): Reach {
  const rings = env.rings ?? [];
  const first = rings[0];
  if (!first)
    return { affects: `${EVERY_USER} of ${env.id}`, affectsAll: true, direction: 'widen' };
  const rollout = rolloutOf(env);
  const reached = rollout.current ? rollout.reached : [first];
  const last = reached.at(-1);
  const share = last ? percent(last.share) : '0%';
  const onward =
    rings.length > reached.length ? '; the other rings get it ring by ring, as it is promoted' : '';
  const everyone = isEveryone(last, rings);
  return {
    affects: `${reached.map((r) => r.id).join(', ')} first (${share} of users)${onward}`,
    affectsAll: everyone,
    direction: everyone ? 'widen' : 'narrow',
  };
}

/** Where a rollback goes by default: what the rings not yet reached run, else the previous version. */
export function defaultRollbackVersion(env: EnvironmentState): string | undefined {
  const rollout = rolloutOf(env);
  if (rollout.release && env.previousVersions.includes(rollout.baseline)) return rollout.baseline;
  return env.previousVersions[0];
}

function rollbackShape(args: ActionArgs<'deploy.rollback'>, env: EnvironmentState): Shape {
  const to = args.toVersion ?? defaultRollbackVersion(env);
  const problems: string[] = [];
  if (!to) problems.push('No earlier version to roll back to');
  else if (to === env.version) problems.push(`${env.id} already runs ${to}`);
  else if (!env.previousVersions.includes(to)) problems.push(`${to} never ran in ${env.id}`);
  return {
    verb: 'Roll back',
    from: env.version,
    to: to ?? '?',
    affects: versionReach(env, rolloutOf(env), to ?? '?'),
    affectsAll: versionAffectsAll(env),
    // Back to the last known-good narrows; further back brings older code to everyone.
    direction: to === defaultRollbackVersion(env) ? 'narrow' : 'widen',
    problems,
  };
}

export const RESOURCE_WORDS: Record<ActionArgs<'capacity.scale'>['resource'], string> = {
  servers: 'servers',
  cpu: 'CPU cores',
  storageGb: 'GB of storage',
};

function scaleShape(args: ActionArgs<'capacity.scale'>, env: EnvironmentState): Shape {
  const { resource, change } = args;
  const unit = RESOURCE_WORDS[resource];
  const before = env.capacity?.[resource];
  const problems: string[] = [];
  if (!Number.isInteger(change)) problems.push('The change must be a whole number');
  else if (change === 0) problems.push('The change must not be zero');
  else if (Math.abs(change) > 1000) problems.push('At most 1000 at a time');
  if (before !== undefined && before + change < 0)
    problems.push(`${env.id} has only ${before} ${unit}`);
  const sign = change > 0 ? '+' : '';
  return {
    verb: `Scale ${unit} ${sign}${change} for`,
    from: before === undefined ? `unknown ${unit}` : `${before} ${unit}`,
    to: before === undefined ? `${sign}${change} ${unit}` : `${before + change} ${unit}`,
    affects: `every user of ${env.id} (capacity is shared by all rings)`,
    affectsAll: false,
    // Removing capacity puts every user at risk; adding it does not.
    direction: change < 0 ? 'widen' : 'narrow',
    problems,
  };
}

function promoteShape(args: ActionArgs<'ring.promote'>, env: EnvironmentState): Shape {
  const rings = env.rings ?? [];
  const rollout = rolloutOf(env);
  const { release, current } = rollout;
  const to = args.toRing ? rings.find((ring) => ring.id === args.toRing) : rollout.later[0];
  const problems: string[] = [];
  if (!release || !current)
    problems.push(`${env.id} runs ${env.version} in every ring: no release to promote`);
  else if (current.status === 'halted')
    problems.push(`${release} is halted in ${current.id}: roll back, or patch to resume`);
  if (release && args.version && args.version !== release)
    problems.push(`${env.id} is rolling out ${release}, not ${args.version}`);
  if (!to)
    problems.push(
      args.toRing ? `no ring ${args.toRing}` : `${release ?? 'it'} already runs in every ring`,
    );
  else if (release && !rollout.later.includes(to))
    problems.push(`${release} already runs in ${to.id}`);
  return {
    verb: `Promote ${release ?? '?'} to ${to?.id ?? '?'} in`,
    from: current ? `in ${ringWords(current)}` : 'no ring',
    to: to ? `in ${ringWords(to)}` : '?',
    affects: to
      ? `${ringWords(to)} run ${release ?? '?'}, up from ${current ? percent(current.share) : '0%'}`
      : 'nobody',
    affectsAll: isEveryone(to, rings),
    direction: 'widen',
    problems,
  };
}

function haltShape(args: ActionArgs<'ring.halt'>, env: EnvironmentState): Shape {
  const { release, current, later } = rolloutOf(env);
  const problems: string[] = [];
  if (!release || !current)
    problems.push(`${env.id} runs ${env.version} in every ring: nothing to halt`);
  else if (current.status === 'halted')
    problems.push(`${release} is already halted in ${current.id}`);
  if (release && args.version && args.version !== release)
    problems.push(`${env.id} is rolling out ${release}, not ${args.version}`);
  return {
    verb: `Halt ${release ?? '?'} in`,
    from: current ? `moving, in ${current.id}` : 'not moving',
    to: current ? `halted in ${current.id}` : '?',
    affects: current
      ? `${ringWords(current)} keep ${release ?? '?'}; ${later.map((r) => r.id).join(', ') || 'no ring'} will not get it`
      : 'nobody',
    affectsAll: false,
    direction: 'narrow',
    problems,
  };
}
