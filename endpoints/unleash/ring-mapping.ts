// How rings of users map onto an Unleash feature's strategies in one
// environment, both ways: reading which rings a feature is on for, and
// planning the strategy writes that put it on for exactly the wanted rings.
//
// `percentage` mode: rings are nested shares of users (5 %, 25 %, ..., 100 %)
// and a feature is on for a ring when its gradual rollout reaches the ring's
// share. Unleash's stickiness hashes each user to a fixed point from 1 to 100,
// so a 25 % rollout reaches exactly the users a 5 % one did, and more.
// `constraint` mode: a ring is on when a strategy targets it through a
// context field (`ring IN [canary, beta]`) at 100 %; the last ring is everyone.
import type { StrategyInput, UnleashFeatureEnvironment, UnleashStrategy } from './unleash-client';
import type { RingSpec } from './bridge-config';

export interface RingMapping {
  mode: 'percentage' | 'constraint';
  contextField: string;
  rings: RingSpec[];
}

/** The title the bridge gives a rollout strategy it has halted (visible in Unleash's UI too). */
export const HALTED_TITLE = 'watchfloor: halted';

export type StrategyWrite =
  | { kind: 'add'; strategy: StrategyInput }
  | { kind: 'update'; id: string; strategy: StrategyInput }
  | { kind: 'delete'; id: string }
  | { kind: 'environment'; on: boolean };

export type Plan = { writes: StrategyWrite[] } | { refused: string };

const GRADUAL = new Set([
  'gradualRolloutRandom',
  'gradualRolloutSessionId',
  'gradualRolloutUserId',
]);

const live = (strategy: UnleashStrategy) => strategy.disabled !== true;
const untargeted = (strategy: UnleashStrategy) =>
  strategy.constraints.length === 0 && (strategy.segments?.length ?? 0) === 0;

/** The share (0–100) a strategy gives the users it applies to; undefined: it targets users by id, host, ... */
export function strategyReach(strategy: UnleashStrategy): number | undefined {
  if (strategy.name === 'default') return 100;
  const raw =
    strategy.name === 'flexibleRollout'
      ? strategy.parameters.rollout
      : GRADUAL.has(strategy.name)
        ? strategy.parameters.percentage
        : undefined;
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** How much of everyone (0–100) the feature reaches in this environment, ignoring targeted strategies. */
export function reachOf(env: UnleashFeatureEnvironment): number {
  if (!env.enabled) return 0;
  return Math.max(
    0,
    ...env.strategies.filter((s) => live(s) && untargeted(s)).map((s) => strategyReach(s) ?? 0),
  );
}

/** Whether the feature is on for each ring, in ring order. */
export function ringsOn(env: UnleashFeatureEnvironment, mapping: RingMapping): boolean[] {
  const reach = reachOf(env);
  if (mapping.mode === 'percentage') {
    return mapping.rings.map((ring) => env.enabled && reach >= ring.share * 100 - 1e-9);
  }
  return mapping.rings.map((ring, index) => {
    if (!env.enabled) return false;
    if (reach >= 100) return true;
    if (index === mapping.rings.length - 1) return false;
    return env.strategies.some(
      (s) => live(s) && strategyReach(s) === 100 && targetsRing(s, mapping.contextField, ring.id),
    );
  });
}

/** The protocol's per-ring flag state: each ring, and `*` for everyone (the last ring). */
export function flagState(
  env: UnleashFeatureEnvironment,
  mapping: RingMapping,
): Record<string, boolean> {
  const on = ringsOn(env, mapping);
  const state: Record<string, boolean> = { '*': on.at(-1) ?? false };
  mapping.rings.forEach((ring, index) => (state[ring.id] = on[index] ?? false));
  return state;
}

/**
 * The rings a feature should be on for after turning one ring on or off. Rings
 * nest in percentage mode (on for 25 % means on for 5 %), and everyone includes
 * every ring in both modes, so one switch can move others with it.
 */
export function wantedRings(
  current: boolean[],
  mapping: RingMapping,
  ring: number,
  on: boolean,
): boolean[] {
  const last = mapping.rings.length - 1;
  if (mapping.mode === 'percentage') {
    const reached = current.lastIndexOf(true);
    const upTo = on ? Math.max(reached, ring) : Math.min(reached, ring - 1);
    return current.map((_, index) => index <= upTo);
  }
  if (ring === last) return current.map((was) => (on ? true : was && current[last] !== true));
  const next = current.slice();
  next[ring] = on;
  if (!on) next[last] = false;
  return next;
}

/** The writes that put the feature on for exactly `wanted` rings (plus any targeted users it has). */
export function planRings(
  env: UnleashFeatureEnvironment,
  feature: string,
  wanted: boolean[],
  mapping: RingMapping,
): Plan {
  const plan =
    mapping.mode === 'percentage'
      ? planPercentage(env, feature, wanted, mapping)
      : planConstraint(env, feature, wanted, mapping);
  if ('refused' in plan) return plan;
  if (wanted.includes(true) && !env.enabled) plan.writes.push({ kind: 'environment', on: true });
  return plan;
}

function planPercentage(
  env: UnleashFeatureEnvironment,
  feature: string,
  wanted: boolean[],
  mapping: RingMapping,
): Plan {
  const reached = wanted.lastIndexOf(true);
  const target = reached < 0 ? 0 : Math.round((mapping.rings[reached]?.share ?? 0) * 100);
  return setUntargetedReach(env, feature, target);
}

function planConstraint(
  env: UnleashFeatureEnvironment,
  feature: string,
  wanted: boolean[],
  mapping: RingMapping,
): Plan {
  const everyone = wanted.at(-1) === true;
  const base = setUntargetedReach(env, feature, everyone ? 100 : 0);
  if ('refused' in base || everyone) return base;
  const values = mapping.rings.filter((_, index) => wanted[index]).map((ring) => ring.id);
  const ringStrategy = env.strategies.find(
    (s) => live(s) && s.name === 'flexibleRollout' && isRingStrategy(s, mapping.contextField),
  );
  const constraints = [{ contextName: mapping.contextField, operator: 'IN', values }];
  if (ringStrategy && values.length === 0) {
    base.writes.push({ kind: 'delete', id: ringStrategy.id });
  } else if (ringStrategy) {
    const strategy = { ...inputOf(ringStrategy), constraints };
    strategy.parameters = { ...strategy.parameters, rollout: '100' };
    base.writes.push({ kind: 'update', id: ringStrategy.id, strategy: unhalted(strategy) });
  } else if (values.length > 0) {
    base.writes.push({ kind: 'add', strategy: { ...rollout(feature, 100), constraints } });
  }
  return base;
}

/** Every untargeted strategy brought to `target` % (0–100); a new gradual rollout if there is none. */
function setUntargetedReach(env: UnleashFeatureEnvironment, feature: string, target: number): Plan {
  const writes: StrategyWrite[] = [];
  const untargetedLive = env.strategies.filter((s) => live(s) && untargeted(s));
  const standard = untargetedLive.find((s) => s.name === 'default');
  if (standard && target < 100) {
    return {
      refused: `${feature} has the standard strategy (on for everyone) in ${env.name}: change it to a gradual rollout in Unleash before switching single rings`,
    };
  }
  const adjustable = untargetedLive.filter((s) => strategyReach(s) !== undefined && s !== standard);
  const first = adjustable.find((s) => s.name === 'flexibleRollout') ?? adjustable[0];
  for (const strategy of adjustable) {
    const reach = strategyReach(strategy) ?? 0;
    // The first sets the reach; the others may not exceed it.
    const goal = strategy === first ? target : Math.min(reach, target);
    if (goal === reach && strategy.title !== HALTED_TITLE) continue;
    writes.push({ kind: 'update', id: strategy.id, strategy: withReach(strategy, goal) });
  }
  if (!first && target > 0 && !standard)
    writes.push({ kind: 'add', strategy: rollout(feature, target) });
  return { writes };
}

/** The strategy that carries the rollout's halted mark: the rings strategy, or the gradual rollout. */
export function markStrategy(
  env: UnleashFeatureEnvironment,
  mapping: RingMapping,
): UnleashStrategy | undefined {
  const candidates = env.strategies.filter((s) => live(s) && s.name === 'flexibleRollout');
  return mapping.mode === 'constraint'
    ? candidates.find((s) => isRingStrategy(s, mapping.contextField))
    : candidates.find(untargeted);
}

export function isHalted(env: UnleashFeatureEnvironment, mapping: RingMapping): boolean {
  return markStrategy(env, mapping)?.title === HALTED_TITLE;
}

/** Marks the rollout halted where it is: no user gains or loses the feature. */
export function planHalt(
  env: UnleashFeatureEnvironment,
  feature: string,
  mapping: RingMapping,
): Plan {
  const strategy = markStrategy(env, mapping);
  if (!strategy) {
    return {
      refused: `${feature} has no ${mapping.mode === 'constraint' ? 'ring-targeting ' : ''}gradual rollout in ${env.name} to halt`,
    };
  }
  return {
    writes: [
      { kind: 'update', id: strategy.id, strategy: { ...inputOf(strategy), title: HALTED_TITLE } },
    ],
  };
}

function isRingStrategy(strategy: UnleashStrategy, field: string): boolean {
  const [only, ...rest] = strategy.constraints;
  return (
    rest.length === 0 &&
    (strategy.segments?.length ?? 0) === 0 &&
    only?.contextName === field &&
    only.operator === 'IN' &&
    only.inverted !== true
  );
}

function targetsRing(strategy: UnleashStrategy, field: string, ring: string): boolean {
  return isRingStrategy(strategy, field) && (strategy.constraints[0]?.values ?? []).includes(ring);
}

function inputOf(strategy: UnleashStrategy): StrategyInput {
  return {
    name: strategy.name,
    title: strategy.title ?? null,
    parameters: { ...strategy.parameters },
    constraints: strategy.constraints.map((c) => ({ ...c })),
    segments: strategy.segments ?? [],
    disabled: strategy.disabled ?? false,
  };
}

/** A strategy the bridge changes is no longer halted: the operator moved the rollout on. */
function unhalted(strategy: StrategyInput): StrategyInput {
  // Unleash keeps the old title when given null: an empty one clears it.
  return strategy.title === HALTED_TITLE ? { ...strategy, title: '' } : strategy;
}

function withReach(strategy: UnleashStrategy, reach: number): StrategyInput {
  const input = inputOf(strategy);
  const key = strategy.name === 'flexibleRollout' ? 'rollout' : 'percentage';
  return unhalted({ ...input, parameters: { ...input.parameters, [key]: String(reach) } });
}

function rollout(feature: string, reach: number): StrategyInput {
  return {
    name: 'flexibleRollout',
    parameters: { rollout: String(reach), stickiness: 'default', groupId: feature },
    constraints: [],
  };
}
