// failing-build: CI for billing 2.14.0 is red in staging with three named
// failing tests, all flaky (a shared PDF-renderer timeout). A retry passes;
// so does a patch (2.14.1) that fixes the timeout.
import type { BuildState, EnvironmentState } from '../../../shared/protocol';
import { SERIES, remedy, tailorCatalog, type Targets } from '../demo-catalog';
import type { DeploymentState } from '../deployment-state';
import { failingTestsOf, nextBuildId, planBuildRetry } from './build-steps';
import { planPatch } from './release-steps';
import { BILLING, STAGING, WEB, billingProduction, service, webProduction } from './saas-services';
import { refuse, type Scenario } from './scenario';

export const RED_BUILD = 'b-4821';
export const FAILING_TESTS = [
  'invoices/pdf-export.test.ts › renders totals in the customer currency',
  'invoices/pdf-export.test.ts › paginates invoices longer than one page',
  'payments/receipt.test.ts › attaches the PDF receipt to the email',
];

const RECOVERY_MS = 10_000;
const retry = remedy(
  `Retry billing's staging build ${RED_BUILD}`,
  'build.retry',
  { service: BILLING.id, environment: STAGING },
  RECOVERY_MS,
);

const passed = (id: string, version: string, finishedAt: number): BuildState => ({
  id,
  status: 'passed',
  version,
  failingTests: [],
  finishedAt,
});

function billingStaging(now: number): EnvironmentState {
  return {
    id: STAGING,
    tier: 'staging',
    version: '2.13.2',
    previousVersions: ['2.13.1', '2.12.0'],
    status: 'failed',
    updatedAt: now - 6 * 60_000,
    build: {
      id: RED_BUILD,
      status: 'failed',
      version: '2.14.0',
      failingTests: FAILING_TESTS,
      finishedAt: now - 6 * 60_000,
    },
  };
}

/**
 * Failing tests of every environment's latest build, as the CI dashboard counts
 * them, from when that build finished: the backfilled history is green before.
 */
function ciTargets(state: DeploymentState, _tick: number, now: number): Targets {
  const failing = state.services
    .flatMap((s) => s.environments)
    .filter((env) => now > (env.build?.finishedAt ?? -Infinity))
    .reduce((sum, env) => sum + failingTestsOf(env), 0);
  return { [SERIES.testsFailed]: failing };
}

export const failingBuild: Scenario = {
  name: 'failing-build',
  summary: `billing's staging build ${RED_BUILD} is red with 3 flaky tests: retry it (build.retry) or patch`,
  actions: [
    { name: 'build.retry', title: 'Retry a build' },
    { name: 'patch.apply', title: 'Deploy a patch release' },
  ],

  initialServices: (now) => [
    service(
      BILLING,
      { ...billingProduction(now), build: passed('b-4810', '2.13.2', now - 2 * 86_400_000) },
      billingStaging(now),
    ),
    service(WEB, { ...webProduction(now), build: passed('w-2207', '5.8.1', now - 3 * 3_600_000) }),
  ],

  catalog: () =>
    tailorCatalog({
      [SERIES.invoices]: { service: BILLING.id },
      [SERIES.testsFailed]: { service: BILLING.id, procedures: retry },
    }),

  targets: ciTargets,

  plan(call, state) {
    switch (call.action) {
      case 'build.retry':
        return planBuildRetry(state, call.args);
      case 'patch.apply': {
        // The patch is built before it deploys; it fixes the timeout, so its build passes.
        const latest = state.environment(call.args.service, call.args.environment)?.build;
        const build = latest ? nextBuildId(latest.id) : 'b-1';
        return planPatch(state, call.args, {
          settle: (env, version, now) => ({ ...env, build: passed(build, version, now) }),
          events: (subject, version) => [
            { type: 'build.passed', subject, data: { build, version } },
          ],
        });
      }
      default:
        return refuse(`failing-build has no ${call.action}`);
    }
  },
};
