// bad-flag: the new invoice editor, switched on for the beta ring, sends the
// billing API invoices it cannot save. Errors rise in beta only; turning the
// flag off (for beta, or for everyone) stops them.
import type { EnvironmentState, Ring } from '../../../shared/protocol';
import { SERIES, remedy, tailorCatalog, type Targets } from '../demo-catalog';
import type { DeploymentState } from '../deployment-state';
import { cohortMetric, cohortSeriesId, HEALTHY } from './cohort-series';
import { flagOn, planFlagSet } from './flag-steps';
import {
  BILLING,
  PRODUCTION,
  WEB,
  billingProduction,
  service,
  webProduction,
} from './saas-services';
import { refuse, type Scenario } from './scenario';

export const BAD_FLAG = 'new-invoice-editor';
export const FLAG_RING = 'beta';

const RINGS: Ring[] = [
  { id: FLAG_RING, name: 'Beta customers', share: 0.05, version: '2.13.2', status: 'complete' },
  { id: 'all', name: 'Everyone', share: 1, version: '2.13.2', status: 'complete' },
];

const RECOVERY_MS = 15_000;

/** Off for one ring, or (without one) for everyone. */
function turnOff(ring?: string) {
  const args = { service: BILLING.id, environment: PRODUCTION, flag: BAD_FLAG, enabled: false };
  const scope = ring ? `for ${ring}` : 'for everyone';
  return remedy(
    `Turn ${BAD_FLAG} off ${scope}`,
    'flag.set',
    ring ? { ...args, ring } : args,
    RECOVERY_MS,
  );
}

/** For the totals: off where it is on, if that is one ring; else off for everyone. */
function totalsFix(env: EnvironmentState | undefined) {
  const flag = env?.flags?.find((f) => f.id === BAD_FLAG);
  const on = cohorts(env).filter((c) => flagOn(flag, c.ring.id));
  if (on.length === 0) return turnOff(FLAG_RING);
  return on.length === 1 && !flag?.enabled['*'] ? turnOff(on[0]?.ring.id) : turnOff();
}

const billingEnv = (state: DeploymentState): EnvironmentState | undefined =>
  state.environment(BILLING.id, PRODUCTION);

/** Each ring's own users: a ring's share counts everyone up to it, so subtract the one before. */
function cohorts(env: EnvironmentState | undefined): { ring: Ring; share: number }[] {
  const rings = env?.rings ?? [];
  return rings.map((ring, i) => ({ ring, share: ring.share - (rings[i - 1]?.share ?? 0) }));
}

/** Share of all users who see the broken editor. */
export function brokenShare(env: EnvironmentState | undefined): number {
  const flag = env?.flags?.find((f) => f.id === BAD_FLAG);
  return cohorts(env)
    .filter((c) => flagOn(flag, c.ring.id))
    .reduce((sum, c) => sum + c.share, 0);
}

function flagTargets(state: DeploymentState): Targets {
  const env = billingEnv(state);
  const broken = brokenShare(env);
  const flag = env?.flags?.find((f) => f.id === BAD_FLAG);
  const targets: Targets = {
    [SERIES.errors]: 1.2 + broken * 500,
    [SERIES.availability]: 99.98 - broken * 8,
    [SERIES.p95]: 182 + broken * 3000,
    [SERIES.invoices]: 128 * (1 - broken * 2),
  };
  for (const { ring } of cohorts(env)) {
    const on = flagOn(flag, ring.id);
    const cohort = { ring: ring.id, version: ring.version };
    targets[cohortSeriesId('errors', cohort)] = on ? 4 : HEALTHY.errors;
    targets[cohortSeriesId('p95', cohort)] = on ? 620 : HEALTHY.p95;
  }
  return targets;
}

export const badFlag: Scenario = {
  name: 'bad-flag',
  summary: `${BAD_FLAG}, on for ${FLAG_RING}, breaks invoices there: turn it off (flag.set)`,
  actions: [{ name: 'flag.set', title: 'Flip a feature flag' }],

  initialServices: (now) => [
    service(BILLING, {
      ...billingProduction(now),
      status: 'degraded',
      rings: RINGS.map((r) => ({ ...r, since: now - 86_400_000 })),
      flags: [
        { id: BAD_FLAG, name: 'New invoice editor', enabled: { '*': false, [FLAG_RING]: true } },
        { id: 'bulk-export', name: 'Bulk export', enabled: { '*': true } },
      ],
    }),
    service(WEB, webProduction(now)),
  ],

  catalog(state) {
    const env = billingEnv(state);
    const procedures = totalsFix(env);
    return [
      ...tailorCatalog({
        [SERIES.invoices]: { service: BILLING.id },
        [SERIES.availability]: { service: BILLING.id, procedures },
        [SERIES.p95]: { service: BILLING.id },
        [SERIES.errors]: { service: BILLING.id, procedures },
      }),
      ...cohorts(env).flatMap(({ ring }) => {
        const cohort = { ring: ring.id, version: ring.version };
        const extra = { service: BILLING.id, procedures: turnOff(ring.id) };
        return [cohortMetric('errors', cohort, extra), cohortMetric('p95', cohort, extra)];
      }),
    ];
  },

  targets: flagTargets,

  plan(call, state) {
    if (call.action !== 'flag.set') return refuse(`bad-flag has no ${call.action}`);
    return planFlagSet(state, call.args, (env) => ({
      ...env,
      status: brokenShare(env) > 0 ? 'degraded' : 'healthy',
    }));
  },
};
