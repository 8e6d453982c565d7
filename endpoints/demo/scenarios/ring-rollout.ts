// ring-rollout: web 5.9.0 moves through the rings internal (1 %) → beta (5 %)
// → ring-10 → ring-50 → all. It starts in internal, where staff see no
// trouble; promoted to beta, real customers see failures and slow pages. Each
// ring has its own series (attributes ring and version) beside the baseline.
import type { EnvironmentState, Procedure, Ring } from '../../../shared/protocol';
import { SERIES, remedy, tailorCatalog, type DemoMetric, type Targets } from '../demo-catalog';
import type { DeploymentState } from '../deployment-state';
import { cohortMetric, cohortSeriesId, HEALTHY, type CohortMeasure } from './cohort-series';
import { planPatch, planRollback } from './release-steps';
import {
  BAD_VERSION,
  FIRST_RING,
  cohortsAt,
  failing,
  failingShare,
  healthOf,
  rolloutOf,
  type Rollout,
} from './ring-rollout-state';
import { planHalt, planPromote, ringsPatched, ringsRolledBack } from './ring-steps';
import {
  BILLING,
  PRODUCTION,
  WEB,
  billingProduction,
  service,
  webProduction,
} from './saas-services';
import { refuse, type Scenario } from './scenario';

export const BASELINE_VERSION = '5.8.1';
/** Long enough to read a ring's numbers before moving on; short enough for a drill. */
export const MIN_SOAK_MS = 3_000;
const USERS = 4820;
const RECOVERY_MS = 15_000;
/** How long 5.9.0 has run in internal when the scenario starts: its soak is long over. */
const IN_INTERNAL_MS = 10 * 60_000;

const RINGS: Omit<Ring, 'version'>[] = [
  { id: FIRST_RING, name: 'Internal staff', share: 0.01, minSoakMs: MIN_SOAK_MS },
  { id: 'beta', name: 'Beta customers', share: 0.05, minSoakMs: MIN_SOAK_MS },
  { id: 'ring-10', name: '10% of users', share: 0.1, minSoakMs: MIN_SOAK_MS },
  { id: 'ring-50', name: '50% of users', share: 0.5, minSoakMs: MIN_SOAK_MS },
  { id: 'all', name: 'Everyone', share: 1 },
];

function initialRings(now: number): Ring[] {
  const reached: Record<string, Partial<Ring>> = {
    [FIRST_RING]: { version: BAD_VERSION, since: now - IN_INTERNAL_MS, status: 'active' },
  };
  return RINGS.map((r) => ({ ...r, version: BASELINE_VERSION, ...reached[r.id] }));
}

const webEnv = (state: DeploymentState): EnvironmentState | undefined =>
  state.environment(WEB.id, PRODUCTION);

const target = { service: WEB.id, environment: PRODUCTION };

/** Roll back everywhere when it is critical; at a warning, at least stop it spreading. */
function releaseProcedures(rollout: Rollout): Procedure[] {
  const back = remedy(
    `Roll back web to ${rollout.baseline} in every ring`,
    'deploy.rollback',
    { ...target, toVersion: rollout.baseline },
    RECOVERY_MS,
  ).filter((p) => p.when === 'critical');
  if (!rollout.release) return back;
  // A halt fixes nothing by itself, so it promises no recovery time.
  const halt: Procedure = {
    when: 'warning',
    title: `Halt ${rollout.release} where it is`,
    action: 'ring.halt',
    args: { ...target, version: rollout.release },
  };
  return [...back, halt];
}

const MEASURES: CohortMeasure[] = ['errors', 'p95', 'users'];

function cohortCatalog(rollout: Rollout): DemoMetric[] {
  const procedures = releaseProcedures(rollout);
  const baseline = MEASURES.map((m) =>
    cohortMetric(m, { version: rollout.baseline }, { service: WEB.id }),
  );
  const rings = (rollout.release ? rollout.reached : []).flatMap((ring) =>
    MEASURES.map((m) =>
      cohortMetric(
        m,
        { ring: ring.id, version: ring.version },
        { service: WEB.id, ...(m === 'users' ? {} : { procedures }) },
      ),
    ),
  );
  return [...baseline, ...rings];
}

function rolloutTargets(state: DeploymentState, _tick: number, now: number): Targets {
  const env = webEnv(state);
  if (!env) return {};
  const broken = failingShare(env, now);
  const rollout = rolloutOf(env);
  const targets: Targets = {
    [SERIES.errors]: 1.2 + broken * 600,
    [SERIES.availability]: 99.98 - broken * 10,
    [SERIES.p95]: 182 + broken * 4000,
    [SERIES.entries]: 940 * (1 - broken * 0.5),
    [SERIES.signups]: 14 * (1 - broken),
  };
  let exposed = 0;
  for (const cohort of cohortsAt(env, now)) {
    if (cohort.version === rollout.baseline) continue;
    exposed += cohort.share;
    const id = { ring: cohort.ring.id, version: cohort.version };
    targets[cohortSeriesId('errors', id)] = failing(cohort) ? 3.2 : HEALTHY.errors;
    targets[cohortSeriesId('p95', id)] = failing(cohort) ? 880 : HEALTHY.p95;
    targets[cohortSeriesId('users', id)] = cohort.share * USERS;
  }
  targets[cohortSeriesId('users', { version: rollout.baseline })] = (1 - exposed) * USERS;
  return targets;
}

export const ringRollout: Scenario = {
  name: 'ring-rollout',
  summary: `web ${BAD_VERSION} is fine in internal, fails once promoted to beta: halt, roll back, or patch and promote`,
  actions: [
    { name: 'ring.promote', title: 'Promote a release to the next ring' },
    { name: 'ring.halt', title: 'Halt a release where it is' },
    { name: 'deploy.rollback', title: 'Roll back a deployment' },
    { name: 'patch.apply', title: 'Deploy a patch release' },
  ],

  initialServices(now) {
    const web: EnvironmentState = {
      ...webProduction(now),
      version: BAD_VERSION,
      previousVersions: [BASELINE_VERSION, '5.8.0', '5.7.4'],
      updatedAt: now - IN_INTERNAL_MS,
      rings: initialRings(now),
    };
    // Only internal staff run the release: nobody it fails for has it yet.
    return [
      service(BILLING, billingProduction(now)),
      service(WEB, { ...web, status: healthOf(web, now) }),
    ];
  },

  catalog(state) {
    const env = webEnv(state);
    const rollout = env ? rolloutOf(env) : { baseline: BASELINE_VERSION, reached: [] };
    const procedures = releaseProcedures(rollout);
    return [
      ...tailorCatalog({
        [SERIES.availability]: { service: WEB.id, procedures },
        [SERIES.p95]: { service: WEB.id, procedures },
        [SERIES.errors]: { service: WEB.id, procedures },
      }),
      ...cohortCatalog(rollout),
    ];
  },

  targets: rolloutTargets,

  plan(call, state, now) {
    switch (call.action) {
      case 'ring.promote':
        return planPromote(state, call.args, now);
      case 'ring.halt':
        return planHalt(state, call.args);
      case 'deploy.rollback': {
        // Without toVersion, "previous" means what the rings not yet reached still run.
        const env = state.environment(call.args.service, call.args.environment);
        const rollout = env ? rolloutOf(env) : undefined;
        const fallback = rollout?.release ? rollout.baseline : undefined;
        return planRollback(state, call.args, fallback, { settle: ringsRolledBack });
      }
      case 'patch.apply':
        return planPatch(state, call.args, { settle: ringsPatched });
      default:
        return refuse(`ring-rollout has no ${call.action}`);
    }
  },
};
