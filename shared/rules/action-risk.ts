// Which actions need the service's name typed before they run: those in a
// production environment, and those that reach every user. Production is the
// environment's declared tier; only an endpoint that declares none is judged
// by the environment's name, word by word ("prod-eu" is, "preprod" is not).
import type { EnvironmentTier } from '../protocol';

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

export interface ActionRisk {
  production: boolean;
  /** The action reaches every user of the environment. */
  affectsAll: boolean;
}

/** Why the operator must type the service's name, or nothing when a click will do. */
export function typedConfirmationReasons(risk: ActionRisk): string[] {
  const reasons: string[] = [];
  if (risk.production) reasons.push('it runs in production');
  if (risk.affectsAll) reasons.push('it affects every user');
  return reasons;
}

export const needsTypedConfirmation = (risk: ActionRisk): boolean =>
  risk.production || risk.affectsAll;
