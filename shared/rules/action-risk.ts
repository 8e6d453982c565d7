// One risk policy for every action: how the operator confirms it follows
// what it does to exposure. A change that widens exposure (more users on new
// code or a new setting, or less capacity) in production needs the service's
// name typed; one that narrows it or stops a rollout needs one confirm with
// the preview. Production is the environment's declared tier; only an
// endpoint that declares none is judged by the environment's name, word by
// word ("prod-eu" is, "preprod" is not). docs/actions.md holds the table.
import type { ActionName, EnvironmentTier } from '../protocol';
import { ACTION_LABEL } from './action-labels';

export interface TieredEnvironment {
  id: string;
  tier?: EnvironmentTier;
}

const PRODUCTION_WORDS = new Set(['production', 'prod', 'prd', 'live']);
/** A word before "prod" that says it is not: "pre-prod", "non-prod". */
const NOT_PRODUCTION_PREFIXES = new Set(['pre', 'non', 'not']);

/** By name alone: a whole word production, prod, prd or live, not qualified by pre- or non-. */
export function productionByName(id: string): boolean {
  const words = id.toLowerCase().split(/[^a-z0-9]+/);
  return words.some(
    (word, i) => PRODUCTION_WORDS.has(word) && !NOT_PRODUCTION_PREFIXES.has(words[i - 1] ?? ''),
  );
}

/** The declared tier wins; without one, the name decides. */
export const isProductionEnvironment = (env: TieredEnvironment): boolean =>
  env.tier !== undefined ? env.tier === 'production' : productionByName(env.id);

/** Widen: more users get the change at once (or capacity shrinks). Narrow: fewer, or it stops. */
export type Direction = 'widen' | 'narrow';
export type Tier = 'production' | 'non-production';
export type Confirmation = 'one-confirm' | 'typed';

type Cells = Record<Tier, Record<Direction, Confirmation>>;
const cells = (
  production: Record<Direction, Confirmation>,
  other: Record<Direction, Confirmation>,
) => ({ production, 'non-production': other }) satisfies Cells;
const ONE = 'one-confirm';
const TYPED = 'typed';

/**
 * The table (docs/actions.md). Directions per action: promote always widens;
 * halt always narrows; a flag widens when turned on; a patch widens when it
 * goes to all rings now, narrows when it goes ring by ring (first ring
 * only); a rollback narrows to the last known-good, widens to anything older;
 * a scale widens when it removes capacity; a build retry reaches no users.
 */
export const RISK_TABLE: Record<ActionName, Cells> = {
  'build.retry': cells({ widen: ONE, narrow: ONE }, { widen: ONE, narrow: ONE }),
  'flag.set': cells({ widen: TYPED, narrow: ONE }, { widen: ONE, narrow: ONE }),
  'patch.apply': cells({ widen: TYPED, narrow: ONE }, { widen: TYPED, narrow: ONE }),
  'deploy.rollback': cells({ widen: TYPED, narrow: ONE }, { widen: ONE, narrow: ONE }),
  'capacity.scale': cells({ widen: TYPED, narrow: ONE }, { widen: ONE, narrow: ONE }),
  'ring.promote': cells({ widen: TYPED, narrow: TYPED }, { widen: ONE, narrow: ONE }),
  'ring.halt': cells({ widen: ONE, narrow: ONE }, { widen: ONE, narrow: ONE }),
};

export interface RiskInput {
  action: ActionName;
  production: boolean;
  direction: Direction;
  /** The change reaches every user of the environment. */
  reachesEveryone: boolean;
}

export interface RiskDecision {
  confirmation: Confirmation;
  /** Why the operator must type the name (empty for one confirm). */
  reasons: string[];
  /** One sentence for the dialog: why it asks what it asks. */
  why: string;
}

/** A widening that reaches every user is typed in any tier, except a build retry (no users). */
const everyoneEscalates = (input: RiskInput): boolean =>
  input.direction === 'widen' && input.reachesEveryone && input.action !== 'build.retry';

export function assessRisk(input: RiskInput): RiskDecision {
  const tier: Tier = input.production ? 'production' : 'non-production';
  const cell = RISK_TABLE[input.action][tier][input.direction];
  const typed = cell === TYPED || everyoneEscalates(input);
  const label = `“${ACTION_LABEL[input.action]}”`;
  if (!typed) {
    return {
      confirmation: ONE,
      reasons: [],
      why: `One confirm for ${label}: it ${narrowWords(input)}.`,
    };
  }
  const reasons = ['it widens exposure'];
  if (input.production) reasons.push('it runs in production');
  if (input.reachesEveryone) reasons.push('it reaches every user');
  return {
    confirmation: TYPED,
    reasons,
    why: `Typed confirmation for ${label}, because ${reasons.join(' and ')}.`,
  };
}

function narrowWords(input: RiskInput): string {
  if (input.action === 'build.retry') return 'reaches no users (it re-runs CI only)';
  if (input.action === 'ring.halt') return 'stops a rollout; nobody new gets the release';
  if (input.action === 'patch.apply' && input.direction === 'narrow')
    return 'goes ring by ring, first ring first; check the preview above';
  if (input.direction === 'narrow') return 'narrows exposure; check the preview above';
  return 'widens exposure outside production to part of the users; check the preview above';
}

export const needsTypedConfirmation = (input: RiskInput): boolean =>
  assessRisk(input).confirmation === TYPED;
