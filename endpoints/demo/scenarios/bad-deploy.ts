// bad-deploy (the default): billing 2.14.0 went out twelve minutes ago and
// fails a share of requests from then on: the backfilled history is healthy
// before the deploy, as a real incident's would be. Errors, p95 and CPU are
// up, availability down, until someone rolls billing back to 2.13.2.
import { SERIES, remedy, tailorCatalog, type Targets } from '../demo-catalog';
import type { DeploymentState } from '../deployment-state';
import { planPatch, planRollback } from './release-steps';
import {
  BILLING,
  PRODUCTION,
  WEB,
  billingProduction,
  service,
  webProduction,
} from './saas-services';
import { refuse, type Scenario } from './scenario';

export const FAULTY_RELEASE = { service: BILLING.id, environment: PRODUCTION, version: '2.14.0' };
const GOOD_VERSION = '2.13.2';
/** Within the backfilled fifteen minutes, so the deploy precedes its alerts on the charts. */
export const DEPLOYED_AGO_MS = 12 * 60_000;

/** Where the series head while 2.14.0 runs; the rest of the time they head for their base. */
const FAULTY_TARGETS: Targets = {
  [SERIES.signups]: 9,
  [SERIES.users]: 4650,
  [SERIES.invoices]: 74,
  [SERIES.entries]: 880,
  [SERIES.availability]: 99.42,
  [SERIES.p95]: 860,
  [SERIES.utilization]: 71,
  [SERIES.cpu]: 77,
  [SERIES.connections]: 355,
  [SERIES.errors]: 31,
};

/** The action takes ~1.5 s, the walk ~10 ticks, the alert's recoveryMs 3 s. */
const RECOVERY_MS = 15_000;
const rollBack = remedy(
  `Roll back billing to ${GOOD_VERSION}`,
  'deploy.rollback',
  { service: BILLING.id, environment: PRODUCTION, toVersion: GOOD_VERSION },
  RECOVERY_MS,
);

/** Whether 2.14.0 serves requests at `now`: from just after it went out (by default, at all). */
export function faulty(state: DeploymentState, now = Infinity): boolean {
  const env = state.environment(FAULTY_RELEASE.service, FAULTY_RELEASE.environment);
  return env?.version === FAULTY_RELEASE.version && now > env.updatedAt;
}

export const badDeploy: Scenario = {
  name: 'bad-deploy',
  summary: 'billing 2.14.0 fails requests: roll it back to 2.13.2',
  // patch.apply (for instance 2.14.1) fixes it too, see `plan`.
  actions: [
    { name: 'deploy.rollback', title: 'Roll back a deployment' },
    { name: 'patch.apply', title: 'Deploy a patch release' },
  ],

  initialServices: (now) => [
    service(BILLING, {
      ...billingProduction(now),
      version: FAULTY_RELEASE.version,
      previousVersions: [GOOD_VERSION, '2.13.1', '2.12.0'],
      status: 'degraded',
      updatedAt: now - DEPLOYED_AGO_MS,
    }),
    service(WEB, webProduction(now)),
  ],

  catalog: () =>
    tailorCatalog({
      [SERIES.invoices]: { service: BILLING.id },
      [SERIES.availability]: { service: BILLING.id, procedures: rollBack },
      [SERIES.p95]: { service: BILLING.id, procedures: rollBack },
      [SERIES.cpu]: { procedures: rollBack },
      [SERIES.errors]: { service: BILLING.id, procedures: rollBack },
    }),

  targets: (state, _tick, now) => (faulty(state, now) ? FAULTY_TARGETS : {}),

  plan(call, state) {
    switch (call.action) {
      case 'deploy.rollback':
        return planRollback(state, call.args);
      case 'patch.apply':
        return planPatch(state, call.args);
      default:
        return refuse(`bad-deploy has no ${call.action}`);
    }
  },
};
