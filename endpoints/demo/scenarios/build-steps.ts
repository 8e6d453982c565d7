// build.retry for the demo: re-run the latest build of an environment. The
// demo's failures are flaky tests, so a retry passes: deterministically, so
// that the same seed replays the same day.
import type { ActionArgs, BuildState, EnvironmentState } from '../../../shared/protocol';
import type { DeploymentState } from '../deployment-state';
import { findTarget } from './release-steps';
import { subjectOf } from './saas-services';
import { accept, refuse, type ActionPlan } from './scenario';

type RetryArgs = ActionArgs<'build.retry'>;

/** `b-4821` → `b-4822`: builds are numbered per pipeline. */
export function nextBuildId(id: string): string {
  const match = /^(.*?)(\d+)$/.exec(id);
  return match ? `${match[1] ?? ''}${Number(match[2]) + 1}` : `${id}-retry`;
}

/** Failing tests of an environment's latest build (none while it runs or once it passed). */
export const failingTestsOf = (env: EnvironmentState | undefined): number =>
  env?.build?.status === 'failed' ? env.build.failingTests.length : 0;

export function planBuildRetry(state: DeploymentState, args: RetryArgs): ActionPlan {
  const found = findTarget(state, args);
  if (!found.ok) return found;
  const build = found.env.build;
  const where = `${args.service} ${args.environment}`;
  if (!build) return refuse(`${where} has no build to retry`);
  if (args.build && args.build !== build.id) {
    return refuse(`${args.build} is not the latest build of ${where} (${build.id} is)`);
  }
  if (build.status !== 'failed')
    return refuse(`build ${build.id} ${build.status}: nothing to retry`);
  const retry: BuildState = {
    id: nextBuildId(build.id),
    status: 'running',
    ...(build.version ? { version: build.version } : {}),
    failingTests: [],
  };
  const flaky = build.failingTests.length;
  const subject = subjectOf(args);
  return accept({
    running: `build ${retry.id} re-runs ${build.id}`,
    start: (s, now) => ({
      changes: [
        s.update(args.service, args.environment, (e) => ({ ...e, build: retry, updatedAt: now })),
      ],
      events: [],
    }),
    finish: (s, now) => ({
      state: 'succeeded',
      message: `build ${retry.id} of ${args.service} ${build.version ?? ''} passed: the ${flaky} flaky tests passed on retry`,
      changes: [
        s.update(args.service, args.environment, (e) => ({
          ...e,
          build: { ...retry, status: 'passed', finishedAt: now },
          status: 'healthy',
          updatedAt: now,
        })),
      ],
      events: [
        { type: 'build.passed', subject, data: { build: retry.id, version: build.version } },
      ],
    }),
  });
}
